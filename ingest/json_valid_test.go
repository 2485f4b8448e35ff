package ingest

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// validJSON stands in for encoding/json's check of a whole document: it must
// accept exactly what encoding/json accepts. Refusing more would only cost
// time (readJSON asks encoding/json then); accepting more would read a
// document that is not JSON.
func TestValidJSONAgreesWithEncodingJSON(t *testing.T) {
	docs := []string{
		"", " ", "[]", "{}", " [ ] ", "\t{\r\n}\n", "[", "]", "{", "}", "[}", "{]", "[[]", "[]]", "[] []", "[],",
		"0", "-0", "01", "-", "--1", "+1", "1.", ".5", "1.5", "1e", "1e+", "1e+5", "1E-05", "1.5e3", "-1.0E+2", "0x10", "1_000", "Infinity", "NaN",
		"true", "false", "null", "tru", "nul", "True", "NULL", "truex", "[true,false,null]", "[truefalse]",
		`""`, `"a"`, `"\""`, `"\\"`, `"\/"`, `"\b\f\n\r\t"`, `"\u00e9"`, `"\u00E9"`, `"\u00g9"`, `"\u00e"`, `"\x41"`, `"\'"`, `"\`, `"abc`,
		"\"a\tb\"", "\"a\x00b\"", "\"a\x1fb\"", "\"a\x7fb\"", "\"\xff\xfe\"", "\"\xed\xa0\x80\"", "\xff", "\"é\"", "[é]",
		`{"a":1}`, `{"a" : 1 , "b" : [1 , {"c" : null}] }`, `{"`, `{"a`, `{"a":`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{,"a":1}`, `{"a":1 "b":2}`, `{1:2}`, `{"a"::1}`,
		`[1,2]`, `[1,,2]`, `[,1]`, `[1,]`, `[1 2]`, `[{"a":[{"b":{}}]}]`, `[{}{}]`, `[[],[[]]]`,
		"[\v]", "[\f]", "[\u00a0]", "\xef\xbb\xbf[]",
		`[{"region": "houma", "year": 2020 "value": 1}]`,
	}
	for _, depth := range []int{9_999, 10_000, 10_001} {
		docs = append(docs,
			strings.Repeat("[", depth)+strings.Repeat("]", depth),
			strings.Repeat(`{"a":`, depth)+"1"+strings.Repeat("}", depth),
			strings.Repeat(`[{"a":`, depth/2)+"[]"+strings.Repeat("}]", depth/2))
	}
	for _, d := range docs {
		if _, got := validJSON([]byte(d)); got != json.Valid([]byte(d)) {
			t.Errorf("validJSON(%.40q) = %t, encoding/json says %t", d, got, !got)
		}
	}
}

func FuzzValidJSONAgreesWithEncodingJSON(f *testing.F) {
	addFixtures(f, "*.json")
	for _, c := range jsonPins {
		f.Add([]byte(c.doc))
	}
	f.Add([]byte(`[1e5, -0.5, "\u00e9\n", true, null, {"a": [false]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, got := validJSON(data); got != json.Valid(data) {
			t.Fatalf("validJSON(%q) = %t, encoding/json says %t", data, got, !got)
		}
	})
}

// validJSON counts the objects that are elements of a list, what readJSON
// sizes its list of observations by; objects that are values of a key (a
// source) are not among them.
func TestValidJSONCountsTheObjectsInLists(t *testing.T) {
	for doc, want := range map[string]int{
		`{}`: 0, `[]`: 0, `[{}]`: 1, `[{}, {}, 5, "x"]`: 2,
		`[{"source": {"document": "a"}}, {"observations": [{}, {"a": {}}]}]`: 4,
		`{"observations": [{}], "regions": [{}], "source": {}}`:              2,
	} {
		if got, ok := validJSON([]byte(doc)); !ok || got != want {
			t.Errorf("validJSON(%s) = %d, %t; want %d, true", doc, got, ok, want)
		}
	}
}

// The fast reading of an observation (jsonDoc.observation) names its
// fields itself; a field added to jsonObservation must be added there too,
// or its key would be left out as one plancast does not read.
func TestTheFastReadingOfAnObservationKnowsEveryKey(t *testing.T) {
	got := slices.Sorted(slices.Values(append(slices.Clone(observationFields), "observations")))
	if want := slices.Sorted(slices.Values(observationKeys())); !slices.Equal(got, want) {
		t.Errorf("observationFields and observations = %q, jsonObservation's keys = %q", got, want)
	}
	d := &jsonDoc{}
	for i, f := range observationFields {
		if k := d.observationKey([]byte(f)); k != keyRegion+i {
			t.Errorf("observationKey(%q) = %d, want %d", f, k, keyRegion+i)
		}
		if k := d.observationKey([]byte(strings.ToUpper(f))); k != keyRegion+i {
			t.Errorf("observationKey(%q) = %d, want %d", strings.ToUpper(f), k, keyRegion+i)
		}
	}
}
