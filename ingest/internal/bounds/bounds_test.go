package bounds

import "testing"

// Of reads the words before and after a figure as wholes: each must be a
// bound word (or nothing), both must agree, and "about" gives way to a
// bound. 不低于 is at least, though 低于 is inside it.
func TestOfReadsWholeBoundWords(t *testing.T) {
	for _, c := range []struct {
		before, after, want string
		ok                  bool
	}{
		{"", "", "", true},
		{"控制在", "以内", AtMost, true},
		{"不超过", "", AtMost, true},
		{"小于", "", AtMost, true},
		{"低于", "", AtMost, true},
		{"不低于", "", AtLeast, true},
		{"不小于", "", AtLeast, true},
		{"大于", "", AtLeast, true},
		{"", "以上", AtLeast, true},
		{"", "左右", About, true},
		{"控制在", "左右", AtMost, true},
		{"at least", "", AtLeast, true},
		{"", " or less", AtMost, true},
		{"不低于", "以内", "", false},
		{"力争达到", "", "", false},
		{"", "以内左右", "", false},
	} {
		if got, ok := Of(c.before, c.after); got != c.want || ok != c.ok {
			t.Errorf("Of(%q, %q) = %q, %v; want %q, %v", c.before, c.after, got, ok, c.want, c.ok)
		}
	}
}
