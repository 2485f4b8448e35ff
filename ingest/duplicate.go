package ingest

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/plancast/plancast"
)

// A key given twice in one JSON object is a problem, naming the field and
// what each one holds:
//
//	p.json line 3 (value): the key "value" is given twice in one item (65, then 650); keep one
//
// Why: encoding/json keeps the last one without a word, as the reader did,
// so a push of {"value": 65, "value": 650} was read as 650: a dry run said
// "1 new" and the figure came back as a jump. Which one the sender meant
// cannot be told, and other readers of the same file (a script, a
// spreadsheet's import) may keep the first. Keys are compared as the reader
// matches them to fields: in any case, as encoding/json matches them, and
// with escapes undone, so "value" and "Value" are one key; keys plancast
// does not read may repeat, as they are left out.
//
// An observation, a series object and a target are each refused at the
// line where they start, like an item with a misspelt key, and reading
// goes on past them. A key given twice in the top-level object (a series'
// region, a bundle's list of observations) is the one problem, at the line
// of the key given again: which region the figures are of, or which list
// is meant, is in doubt for the whole document.
//
// So is a key given twice in an object an item holds, its source, naming
// the path to it; and in a bundle's declaration of a region or an
// indicator, which is refused at its line as one of the wrong JSON type
// is:
//
//	p.json line 3 (source.document): the key "document" is given twice in the "source" of one item ("2021年公报", then "2020年公报"); keep one
//	p.json line 2 (parent): the key "parent" is given twice in one item of "regions" ("linfen", then "yuncheng"); keep one
//
// Why: the last one won there too, so a figure was stored as read from
// the document named last, and a region declared under the parent named
// last, without a word.
//
// The reader's fast path (jsonDoc.observation) keeps a bit for each field
// it has seen in an object and leaves an object with one seen again to
// addItem, which names it here; reading 100,000 observations is no slower
// for it (BenchmarkParseJSON100k).

// jsonFields says which of an object's fields a key (as written, between
// its quotes) gives: a number below 64 and the field's name, or -1 for a
// key that is not read.
type jsonFields func(raw []byte) (int, string)

// maxQuoted is how long a value may be, quoted, for the problem of its key
// given twice to quote it.
const maxQuoted = 40

// dupPlace is where an object is, as the problem of a key given twice in
// it says.
type dupPlace struct {
	where string // "one item", "the top-level object", `the "source" of one item`, ...
	path  string // what the field's name follows in the problem: "source."
	atKey bool   // the problem is at the key given again, not where the item starts
}

var (
	inItem     = dupPlace{where: "one item"}
	inTopLevel = dupPlace{where: "the top-level object", atKey: true}
	inSource   = dupPlace{where: `the "source" of one item`, path: "source."}
)

// duplicateKey is the problem of the object at data[at] when it gives one
// of its fields (fields) more than once, or nil. The first field given
// again is named. The problem is at off, where the item starts in the
// document (data may be a copy of the item), or, for the top-level object
// (in.atKey; data is then the document), at the key given again.
func duplicateKey(data []byte, at, off int, fields jsonFields, in dupPlace) *jsonItemError {
	if data[at] != '{' {
		return nil
	}
	var seen uint64
	dup, again := -1, 0
	for m := (jsonMembers{data: data, i: at + 1}); m.next(); {
		if i, _ := fields(m.key); i >= 0 {
			if seen&(1<<i) != 0 {
				dup, again = i, m.at
				break
			}
			seen |= 1 << i
		}
	}
	if dup < 0 {
		return nil
	}
	var field string
	var spellings, values []string
	lists, quotable := true, true
	for m := (jsonMembers{data: data, i: at + 1}); m.next(); {
		i, name := fields(m.key)
		if i != dup {
			continue
		}
		field = name
		if key := unquoteJSON(m.key); !slices.Contains(spellings, key) {
			spellings = append(spellings, key)
		}
		v := data[m.start:m.end]
		text := string(v)
		if v[0] == '"' {
			text = strconv.Quote(unquoteJSON(v[1 : len(v)-1]))
		}
		lists = lists && v[0] == '['
		quotable = quotable && v[0] != '[' && v[0] != '{' && len(text) <= maxQuoted
		values = append(values, text)
	}
	if in.atKey {
		off = again
	}
	return &jsonItemError{offset: off, field: in.path + field, msg: duplicateMessage(spellings, values, in.where, lists, quotable)}
}

// itemDuplicateKey is the problem of the item at data[at] (an observation,
// a series object or a target, which starts at off in the document) when
// it gives one of its fields more than once (fields), or its source one of
// its own, or nil.
func itemDuplicateKey(data []byte, at, off int, fields jsonFields) *jsonItemError {
	if e := duplicateKey(data, at, off, fields, inItem); e != nil {
		return e
	}
	for m := (jsonMembers{data: data, i: at + 1}); m.next(); {
		if data[m.start] == '{' && strings.EqualFold(unquoteJSON(m.key), "source") {
			return duplicateKey(data, m.start, off, sourceField, inSource)
		}
	}
	return nil
}

// duplicateMessage says that a key, spelt as spellings, is given
// len(values) times in where; lists says all its values are lists, and
// quotable that all are short enough to quote.
func duplicateMessage(spellings, values []string, where string, lists, quotable bool) string {
	times := "twice"
	if len(values) > 2 {
		times = fmt.Sprintf("%d times", len(values))
	}
	var b strings.Builder
	if len(spellings) == 1 {
		fmt.Fprintf(&b, "the key %q is given %s in %s", spellings[0], times, where)
	} else {
		q := make([]string, len(spellings))
		for i, s := range spellings {
			q[i] = strconv.Quote(s)
		}
		fmt.Fprintf(&b, "%s and %s are one key, given %s in %s", strings.Join(q[:len(q)-1], ", "), q[len(q)-1], times, where)
	}
	switch {
	case lists:
		b.WriteString("; give it once, with all the items in one list")
	case quotable:
		fmt.Fprintf(&b, " (%s, then %s); keep one", strings.Join(values[:len(values)-1], ", "), values[len(values)-1])
	default:
		b.WriteString("; keep one")
	}
	return b.String()
}

// observationNames are the fields of an observation or a series object, in
// the order of the constants from keyRegion to keyUnits.
var observationNames = append(observationFields[:len(observationFields):len(observationFields)], "observations", "units")

// observationField is jsonFields for an observation or a series object:
// the fields observationKey names. A misspelt key is not a field (addItem
// names it).
func (d *jsonDoc) observationField(raw []byte) (int, string) {
	k := d.observationKey(raw)
	if k < keyRegion || k > keyUnits {
		return -1, ""
	}
	return k, observationNames[k-keyRegion]
}

// targetField is jsonFields for a target: its keys matched in any case, as
// json.Unmarshal matches them.
var targetField = foldedFields(targetKeys)

// bundleField is jsonFields for the top-level object: a series' fields
// (json.Unmarshal decodes them into a jsonSeries), its units and a
// bundle's lists (see bundleList), in any case.
func bundleField(raw []byte) (int, string) {
	key := unquoteJSON(raw)
	series, lists := bundleFields()
	for i, f := range series {
		if strings.EqualFold(key, f) {
			return i, f
		}
	}
	if i := slices.Index(lists, bundleList(key)); i >= 0 {
		return len(series) + i, lists[i]
	}
	if strings.EqualFold(key, "units") {
		return len(series) + len(lists), "units"
	}
	return -1, ""
}

var bundleFields = sync.OnceValues(func() (series, lists []string) {
	return jsonKeys(reflect.TypeFor[jsonSeries]()), []string{"regions", "indicators", "observations", "targets"}
})

// foldedFields is jsonFields for an object decoded with json.Unmarshal
// into a struct whose keys are keys: matched in any case, as it matches
// them.
func foldedFields(keys func() []string) jsonFields {
	return func(raw []byte) (int, string) {
		key := unquoteJSON(raw)
		for i, f := range keys() {
			if strings.EqualFold(key, f) {
				return i, f
			}
		}
		return -1, ""
	}
}

var (
	sourceField    = foldedFields(func() []string { return sourceKeys })
	regionField    = foldedFields(regionKeys)
	indicatorField = foldedFields(indicatorKeys)

	sourceKeys    = []string{"document", "quote"} // jsonDoc.sourceObject's
	regionKeys    = sync.OnceValue(func() []string { return jsonKeys(reflect.TypeFor[plancast.Region]()) })
	indicatorKeys = sync.OnceValue(func() []string { return jsonKeys(reflect.TypeFor[plancast.Indicator]()) })
)

// inDeclarations is where a bundle's declaration of a region or an
// indicator is, in list ("regions" or "indicators").
func inDeclarations(list string) dupPlace {
	return dupPlace{where: fmt.Sprintf("one item of %q", list)}
}
