package bolt

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/plancast/plancast"
)

// oldVal is a vals entry as stores wrote it before stated growths were kept:
// 12 bytes, and a 13th byte 1 for a withdrawal.
func oldVal(value float64, published plancast.Date, withdrawn bool) []byte {
	b := binary.BigEndian.AppendUint64(nil, math.Float64bits(value))
	b = binary.BigEndian.AppendUint32(b, uint32(int32(published.Time().Unix()/86400)))
	if withdrawn {
		b = append(b, 1)
	}
	return b
}

// Entries written before growths were kept read as they always did: a
// figure, or a withdrawal, with no stated growth.
func TestValuesWrittenBeforeGrowthsReadAsBefore(t *testing.T) {
	published := plancast.NewDate(2021, 4, 20)
	for _, c := range []struct {
		name      string
		entry     []byte
		withdrawn bool
	}{
		{"a figure (12 bytes)", oldVal(120.8, published, false), false},
		{"a withdrawal (13th byte 1)", oldVal(0, published, true), true},
		{"a figure from before 1970", oldVal(-3.5, plancast.NewDate(1965, 12, 31), false), false},
	} {
		var o plancast.Observation
		if !decodeVal(c.entry, &o) {
			t.Fatalf("%s: not decoded", c.name)
		}
		want := oldVal(o.Value, o.Published, o.Withdrawn())
		if string(want) != string(c.entry) || o.Withdrawn() != c.withdrawn || o.Growth != nil || o.GrowthBaseYear != 0 {
			t.Errorf("%s: decoded %+v", c.name, o)
		}
		// What the store writes for such a figure today is the same entry,
		// byte for byte.
		if got := encodeVal(&o); string(got) != string(c.entry) {
			t.Errorf("%s: encoded again as % x, want % x", c.name, got, c.entry)
		}
	}
}

// A figure with a stated growth keeps it and its base year in its entry.
func TestValuesCarryTheStatedGrowth(t *testing.T) {
	growth, yoy := 5.3, -2.25
	for _, in := range []plancast.Observation{
		{Year: 2020, Value: 120.8, Published: plancast.NewDate(2021, 4, 20), Growth: &growth, GrowthBaseYear: 2015},
		{Year: 2020, Value: 120.8, Published: plancast.NewDate(2021, 4, 20), Growth: &yoy}, // year on year
	} {
		entry := encodeVal(&in)
		if len(entry) != valGrowthLen {
			t.Fatalf("entry of %+v is %d bytes, want %d", in, len(entry), valGrowthLen)
		}
		var o plancast.Observation
		if !decodeVal(entry, &o) {
			t.Fatalf("entry % x not decoded", entry)
		}
		if o.Value != in.Value || !o.Published.Equal(in.Published) || o.Withdrawn() || o.Growth == nil || *o.Growth != *in.Growth || o.GrowthBaseYear != in.GrowthBaseYear {
			t.Errorf("decoded %+v (growth %v), want %+v (growth %g)", o, o.Growth, in, *in.Growth)
		}
	}
	// A growth flag without its growth is no entry the store writes.
	cut := encodeVal(&plancast.Observation{Value: 1, Published: plancast.NewDate(2021, 4, 20), Growth: &growth})[:valLen+1]
	if decodeVal(cut, &plancast.Observation{}) {
		t.Errorf("a truncated entry % x was decoded", cut)
	}
}
