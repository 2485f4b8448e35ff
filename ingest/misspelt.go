package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/plancast/plancast"
)

// misspeltName returns the one of known that name seems to misspell
// ("publised" → "published"), or "" when it is one of them, near none, or
// not a name worth checking.
//
// Why: a column or JSON key plancast does not read is left out, since
// yearbook sheets and other systems' exports carry many (序号, remarks, an
// id). But a misspelt one drops what it carried without a word: a figure
// whose "publised" date is lost is stored as today's vintage. A near miss is
// therefore refused, naming the field meant; anything else is still left
// out. Only ASCII names of four or more characters are checked: typed
// Chinese comes from an input method, not from slips on the keys, and two
// Chinese words one character apart ("年末", "年份") are different words.
func misspeltName(name string, known []string) string {
	if len(name) < 4 || !isASCII(name) || slices.Contains(known, name) {
		return ""
	}
	return plancast.Nearest(name, known)
}

// misspeltHeader is misspeltName for a table's column header: it is
// compared folded (see fold) with the ASCII aliases of every field, and the
// alias is returned as headerAliases spells it.
func misspeltHeader(header string) string {
	folded, spelt := asciiAliases()
	return spelt[misspeltName(fold(header), folded)]
}

// asciiAliases are the ASCII header aliases, folded and sorted, and each
// folded one's spelling in headerAliases.
var asciiAliases = sync.OnceValues(func() ([]string, map[string]string) {
	spelt := map[string]string{}
	for _, names := range headerAliases {
		for _, n := range names {
			if _, seen := spelt[fold(n)]; !seen && isASCII(n) {
				spelt[fold(n)] = n // the first spelling: the field's own name
			}
		}
	}
	return slices.Sorted(maps.Keys(spelt)), spelt
})

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// decodeKnown decodes the JSON object elem into v as json.Unmarshal does,
// and returns the first of its keys that misspells one of known (compared
// in lower case, as encoding/json matches keys) with the one meant, or
// "", "". read are keys (in any case) read otherwise than into v, which
// are no misspelling ("units", see unitsProblem). extra says whether elem
// has keys v has no field for. Objects with only v's keys are decoded
// once; the keys are looked at one by one only when the strict decoder
// found one it does not know (its error reads `json: unknown field "k"`).
func decodeKnown(elem []byte, v any, known []string, read ...string) (key, meant string, extra bool, err error) {
	dec := json.NewDecoder(bytes.NewReader(elem))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err == nil || !strings.HasPrefix(err.Error(), "json: unknown field ") {
		return "", "", false, err
	}
	reflect.ValueOf(v).Elem().SetZero() // the strict pass may have filled part of it
	if err := json.Unmarshal(elem, v); err != nil {
		return "", "", true, err
	}
	_ = eachMember(elem, 0, func(k string, _ []byte, _ int) error {
		if slices.ContainsFunc(read, func(r string) bool { return strings.EqualFold(k, r) }) {
			return nil
		}
		lower := strings.ToLower(k)
		if m := misspeltName(lower, known); key == "" && m != "" {
			key, meant = k, m
		}
		return nil
	})
	return key, meant, true, nil
}

// jsonKeys lists the JSON keys of a struct type's fields, those of embedded
// structs too, sorted: the keys an item of that type is read with.
func jsonKeys(t reflect.Type) []string {
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			keys = append(keys, jsonKeys(f.Type)...)
			continue
		}
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	slices.Sort(keys)
	return keys
}

// observationKeys, targetKeys and bundleKeys are what an observation (or a series
// object holding its observations), a target and a top-level object are
// read with.
var (
	observationKeys = sync.OnceValue(func() []string {
		return append(jsonKeys(reflect.TypeFor[jsonObservation]()), "observations")
	})
	targetKeys = sync.OnceValue(func() []string { return jsonKeys(reflect.TypeFor[jsonTarget]()) })
	// bundleKeys: a top-level object is a plancast.Bundle or one series.
	bundleKeys = sync.OnceValue(func() []string {
		return slices.Sorted(slices.Values(append(jsonKeys(reflect.TypeFor[jsonSeries]()), "regions", "indicators", "observations", "targets")))
	})
)

// misspeltKeyError is the problem of a key that misspells one.
func misspeltKeyError(off int, key, meant string) *jsonItemError {
	return &jsonItemError{offset: off, field: key,
		msg: fmt.Sprintf("%q is not a field plancast reads; did you mean %q? (a field it does not read is left out, with what it holds)", key, meant)}
}
