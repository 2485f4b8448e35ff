package plancast_test

import (
	"encoding/json"
	"testing"

	"github.com/plancast/plancast"
)

// A date reads from JSON as a string YYYY-MM-DD, however the string is
// spelt; null and "" are no date; anything else is refused.
func TestDateFromJSON(t *testing.T) {
	want := plancast.NewDate(2021, 4, 20)
	for _, c := range []struct {
		json string
		want plancast.Date
		ok   bool
	}{
		{`"2021-04-20"`, want, true},
		{`"2021\u002d04\u002d20"`, want, true}, // escaped, as any JSON writer may
		{`"\u0032021-04-20"`, want, true},
		{`null`, plancast.Date{}, true},
		{`""`, plancast.Date{}, true},
		{`"2021-4-20"`, plancast.Date{}, false},
		{`"2021-04-20\""`, plancast.Date{}, false},
		{`20210420`, plancast.Date{}, false},
	} {
		var d plancast.Date
		err := json.Unmarshal([]byte(c.json), &d)
		if (err == nil) != c.ok || !d.Equal(c.want) {
			t.Errorf("%s reads as %v (%v); want %v, ok %v", c.json, d, err, c.want, c.ok)
		}
	}
}
