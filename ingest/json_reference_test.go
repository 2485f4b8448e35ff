package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// The reader as it was before it was made to read in one pass (commit
// 4e6c3ec): encoding/json checks the whole document, then splits it into
// items and decodes each one, some twice. It is kept, short and slow, as the
// statement of what the reader does: the tests below and
// FuzzJSONReaderAgreesWithTheReference compare the two on every document
// they try. It is not changed when the reader is: a key given twice in one
// object, which it reads as encoding/json does, is a problem for the
// reader, and agreesWithReference allows for it (see expectDifferences).

func (p *parser) referenceReadJSON(br *bufio.Reader) error {
	data, err := io.ReadAll(br)
	if err != nil {
		return err
	}
	defer p.done()
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	lines := newLineIndex(data)
	if err := json.Unmarshal(data, new(json.RawMessage)); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			p.ps.add(Problem{File: p.file, Line: lines.line(int(se.Offset)), Message: "malformed JSON: " + se.Error()})
		} else {
			p.ps.add(Problem{File: p.file, Message: "malformed JSON: " + err.Error()})
		}
		return nil
	}
	doc := jsonDoc{}
	root := bytes.TrimLeft(data, " \t\r\n")
	switch {
	case len(root) > 0 && root[0] == '[':
		err = referenceEachItem(data, 0, func(elem []byte, off, n int) error {
			return doc.referenceAddItem(elem, off, n, jsonSeries{}, true)
		})
	case len(root) > 0 && root[0] == '{' && (&jsonDoc{data: data}).loneItem(len(data)-len(root)):
		// One figure or target on its own: a list of one.
		err = doc.referenceAddItem(bytes.TrimRight(root, " \t\r\n"), len(data)-len(root), 1, jsonSeries{}, true)
	case len(root) > 0 && root[0] == '{':
		err = doc.referenceAddObject(data, 0)
	default:
		p.ps.add(Problem{File: p.file, Line: 1, Message: "expected a JSON array of observations or an object with observations"})
		return nil
	}
	if err != nil {
		var at *jsonItemError
		if errors.As(err, &at) {
			p.ps.add(record{File: p.file, Line: lines.line(at.offset)}.problem("", at.field, "%s", at.msg))
			return nil
		}
		return err
	}

	// Items that share a line are told apart by their column, as the
	// reader tells them apart (jsonDoc.sharedLines).
	shared := doc.sharedLines(lines)
	at := func(off int) record {
		r := record{File: p.file, Line: lines.line(off)}
		if shared[r.Line] {
			r.Col = lines.column(data, off)
		}
		return r
	}
	for _, e := range doc.errs {
		p.ps.add(at(e.offset).problem("", e.field, "%s", e.msg))
	}
	for _, d := range doc.regions {
		p.res.addRegion(d.value)
		p.b.Regions = append(p.b.Regions, d.value)
	}
	for _, d := range doc.indicators {
		p.res.addIndicator(d.value)
		p.b.Indicators = append(p.b.Indicators, d.value)
	}
	for _, o := range doc.observations {
		if p.ps.full {
			return nil
		}
		if !p.countRow() {
			return nil
		}
		p.jsonObservation(o, at(o.offset))
	}
	for _, t := range doc.targets {
		if p.ps.full {
			return nil
		}
		p.jsonTarget(t, at(t.offset))
	}
	p.b.declFrom = map[string]record{}
	for _, d := range doc.regions {
		p.b.declFrom["region:"+d.value.Code] = at(d.offset)
	}
	for _, d := range doc.indicators {
		p.b.declFrom["indicator:"+d.value.Code] = at(d.offset)
	}
	return nil
}

func (d *jsonDoc) referenceAddObject(data []byte, base int) error {
	var series jsonSeries
	if err := json.Unmarshal(data, &series); err != nil {
		d.errs = append(d.errs, itemError(base, "", err))
	}
	return referenceEachMember(data, base, func(key string, val []byte, off int) error {
		switch key {
		case "regions":
			return referenceEachElement(val, off, func(e []byte, o int) error {
				var r plancast.Region
				if err := json.Unmarshal(e, &r); err != nil {
					d.errs = append(d.errs, itemError(o, "regions", err))
					return nil
				}
				d.regions = append(d.regions, declared[plancast.Region]{r, o})
				return nil
			})
		case "indicators":
			return referenceEachElement(val, off, func(e []byte, o int) error {
				// A misspelt key is refused, as in an observation or a
				// target: "percent_of_hole" would leave a percentage of a
				// whole undeclared without a word.
				var i plancast.Indicator
				key, meant, _, err := referenceDecodeKnown(e, &i, indicatorKeys())
				if err != nil {
					d.errs = append(d.errs, itemError(o, "indicators", err))
					return nil
				}
				if key != "" {
					d.errs = append(d.errs, misspeltKeyError(o, key, meant))
					return nil
				}
				d.indicators = append(d.indicators, declared[plancast.Indicator]{i, o})
				return nil
			})
		case "observations":
			return referenceEachItem(val, off, func(e []byte, o, n int) error { return d.referenceAddItem(e, o, n, series, false) })
		case "targets":
			return referenceEachElement(val, off, func(e []byte, o int) error { d.referenceAddTarget(e, o); return nil })
		default:
			if meant := misspeltName(strings.ToLower(key), bundleKeys()); meant != "" {
				d.errs = append(d.errs, misspeltKeyError(off, key, meant))
			} else if c := val[0]; (c == '[' || c == '{') && !topLevelKey(key) {
				// A list or an object under a key plancast does not read
				// would be left out without a word.
				d.errs = append(d.errs, unknownTopLevelKey(off, key, c == '['))
			}
		}
		return nil
	})
}

func (d *jsonDoc) referenceAddTarget(e []byte, o int) {
	var t jsonTarget
	key, meant, _, err := referenceDecodeKnown(e, &t, targetKeys())
	if err != nil {
		d.errs = append(d.errs, itemError(o, "targets", err))
		return
	}
	if key != "" {
		d.errs = append(d.errs, misspeltKeyError(o, key, meant))
		return
	}
	t.offset = o
	d.targets = append(d.targets, t)
}

// referenceEachItem is referenceEachElement with each element's place in
// its list, from 1.
func referenceEachItem(data []byte, base int, fn func(elem []byte, off, n int) error) error {
	n := 0
	return referenceEachElement(data, base, func(e []byte, o int) error { n++; return fn(e, o, n) })
}

// referenceTargetKeys are the keys only a target has ("plan", "kind",
// "binding", in any case) of an object item, as written, in order; nil for
// a series object (one with "observations").
func referenceTargetKeys(item []byte) []string {
	var keys []string
	series := false
	_ = referenceEachMember(item, 0, func(k string, _ []byte, _ int) error {
		switch strings.ToLower(k) {
		case "observations":
			series = true
		case "plan", "kind", "binding":
			keys = append(keys, k)
		}
		return nil
	})
	if series {
		return nil
	}
	return keys
}

func (d *jsonDoc) referenceAddItem(elem []byte, off, n int, outer jsonSeries, bare bool) error {
	trimmed := bytes.TrimSpace(elem)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		d.errs = append(d.errs, &jsonItemError{offset: off, msg: "an observation must be a JSON object"})
		return nil
	}
	// An item with a target's keys is a target: read as one in a list of
	// its own, said to be one in a list of figures.
	if keys := referenceTargetKeys(trimmed); keys != nil {
		if bare {
			d.referenceAddTarget(elem, off)
		} else {
			d.errs = append(d.errs, targetInFigures(off, n, keys))
		}
		return nil
	}
	var o jsonObservation
	key, meant, extra, err := referenceDecodeKnown(elem, &o, observationKeys())
	if err != nil {
		d.errs = append(d.errs, itemError(off, "", err))
		return nil
	}
	if key != "" {
		d.errs = append(d.errs, misspeltKeyError(off, key, meant))
		return nil
	}
	var probe struct {
		Observations json.RawMessage `json:"observations"`
	}
	if extra {
		_ = json.Unmarshal(elem, &probe)
	}
	if probe.Observations != nil {
		inner := o.jsonSeries
		inherit(&inner, outer)
		return referenceEachMember(elem, off, func(key string, val []byte, o int) error {
			if key != "observations" {
				return nil
			}
			return referenceEachItem(val, o, func(e []byte, eo, n int) error { return d.referenceAddItem(e, eo, n, inner, false) })
		})
	}
	inherit(&o.jsonSeries, outer)
	o.offset = off
	d.observations = append(d.observations, o)
	return nil
}

func referenceDecodeKnown(elem []byte, v any, known []string) (key, meant string, extra bool, err error) {
	dec := json.NewDecoder(bytes.NewReader(elem))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err == nil || !strings.HasPrefix(err.Error(), "json: unknown field ") {
		return "", "", false, err
	}
	reflect.ValueOf(v).Elem().SetZero()
	if err := json.Unmarshal(elem, v); err != nil {
		return "", "", true, err
	}
	_ = referenceEachMember(elem, 0, func(k string, _ []byte, _ int) error {
		lower := strings.ToLower(k)
		if m := misspeltName(lower, known); key == "" && m != "" {
			key, meant = k, m
		}
		return nil
	})
	return key, meant, true, nil
}

func referenceEachElement(data []byte, base int, fn func(elem []byte, off int) error) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return &jsonItemError{offset: base, msg: "malformed JSON: " + err.Error()}
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return &jsonItemError{offset: base, msg: "expected a JSON array"}
	}
	for dec.More() {
		start := referenceSkipSpace(data, int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return &jsonItemError{offset: base + start, msg: "malformed JSON: " + err.Error()}
		}
		if err := fn(raw, base+start); err != nil {
			return err
		}
	}
	return nil
}

func referenceEachMember(data []byte, base int, fn func(key string, val []byte, off int) error) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return &jsonItemError{offset: base, msg: "malformed JSON: " + err.Error()}
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return &jsonItemError{offset: base, msg: "expected a JSON object"}
	}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return &jsonItemError{offset: base, msg: "malformed JSON: " + err.Error()}
		}
		key, _ := kt.(string)
		start := referenceSkipSpace(data, int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return &jsonItemError{offset: base + start, msg: "malformed JSON: " + err.Error()}
		}
		if err := fn(key, raw, base+start); err != nil {
			return err
		}
	}
	return nil
}

func referenceSkipSpace(data []byte, i int) int {
	for ; i < len(data); i++ {
		switch data[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
		default:
			return i
		}
	}
	return i
}

// parseJSONReference is Parse with the reference reader.
func parseJSONReference(t testing.TB, name string, data []byte, opt Options) *Batch {
	t.Helper()
	cat := seedCatalog(t)
	if opt.MaxRows <= 0 {
		opt.MaxRows = DefaultMaxRows
	}
	if opt.MaxProblems <= 0 {
		opt.MaxProblems = DefaultMaxProblems
	}
	opt.Published = opt.Published.OrToday()
	p := &parser{
		file: path.Base(name),
		opt:  opt,
		res:  newResolver(cat),
		ps:   problems{limit: opt.MaxProblems},
		b:    &Batch{Files: []string{path.Base(name)}},
	}
	if err := p.referenceReadJSON(bufio.NewReaderSize(bytes.NewReader(data), 64<<10)); err != nil {
		t.Fatalf("reference reader: %v", err)
	}
	if note := p.notInForceNote(); note != "" {
		p.b.Notes = append(p.b.Notes, note)
	}
	if !p.ps.full {
		checkBatch(p.b, cat, &p.ps)
	}
	p.b.Problems = sortProblems(p.ps.list)
	return p.b
}

// agreesWithReference fails t when the reader and the reference read data
// differently. Two differences are allowed. A key given twice in one
// object, which the reference reads as encoding/json does (the last one
// wins) and the reader refuses: such a document is compared as
// expectDifferences says. And a document that is not UTF-8, whose bytes
// that are not the reference reads as encoding/json does (as U+FFFD), and
// the reader refuses whole with one problem (notUTF8).
func agreesWithReference(t *testing.T, name string, data []byte, opt Options) {
	t.Helper()
	if opt.Published.IsZero() {
		opt.Published = pushDate
	}
	b, err := Parse(name, "", bytes.NewReader(data), seedCatalog(t), opt)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if msg, _ := notUTF8(data); msg != "" {
		if len(b.Problems) != 1 || b.Problems[0].Message != msg || len(b.Observations)+len(b.Targets)+len(b.Regions)+len(b.Indicators) != 0 {
			t.Fatalf("%q is not UTF-8:\nread:\n%s\nwant only the problem %q", data, jsonOutcome(b), msg)
		}
		return
	}
	got, refData := jsonOutcome(b), data
	dup, hasDup := expectDifferences(name, data)
	if hasDup && dup.only != "" {
		if got != dup.only || len(b.Notes) != 0 {
			t.Fatalf("%q:\nread:\n%s\nnotes %q; want only:\n%s", data, got, b.Notes, dup.only)
		}
		return
	}
	if hasDup {
		// Each of the reader's problems of a key given twice stands for
		// the reference's problem of the item put in its place. The
		// marker is shorter than the item it replaces, so the columns that
		// tell apart the items of one line are compared by order, not by
		// number: each side's are left out.
		got = withoutColumns(got)
		lines := strings.Split(got, "\n")
		for i, l := range lines {
			if m, ok := dup.marks[l]; ok {
				lines[i] = m
			}
		}
		got, refData = strings.Join(lines, "\n"), dup.doc
	}
	ref := parseJSONReference(t, name, refData, opt)
	want := jsonOutcome(ref)
	if hasDup {
		want = withoutColumns(want)
	}
	if got != want {
		if hasDup {
			t.Fatalf("%q:\nread (problems of a key given twice as the reference words those of the items put in their place):\n%s\nthe reference reads %q:\n%s", data, got, refData, want)
		}
		t.Fatalf("%q:\nread:\n%s\nthe reference reads:\n%s", data, got, want)
	}
	if !reflect.DeepEqual(b.Notes, ref.Notes) {
		t.Fatalf("%q: notes %q, the reference's %q", data, b.Notes, ref.Notes)
	}
}

// withoutColumns is outcome with the columns of its JSON places left out:
// "line 1 column 75" reads "line 1".
func withoutColumns(outcome string) string {
	return jsonColumn.ReplaceAllString(outcome, "$1")
}

var jsonColumn = regexp.MustCompile(`(line \d+) column \d+`)

func TestJSONReaderAgreesWithTheReference(t *testing.T) {
	for _, c := range jsonPins {
		agreesWithReference(t, "p.json", []byte(c.doc), c.opt)
	}
	names, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		agreesWithReference(t, filepath.Base(n), data, Options{})
	}
	agreesWithReference(t, "long.json", longJSON(3000), Options{})
	agreesWithReference(t, "series.json", seriesJSON(3000), Options{})
}

func FuzzJSONReaderAgreesWithTheReference(f *testing.F) {
	addFixtures(f, "*.json")
	for _, c := range jsonPins {
		f.Add([]byte(c.doc))
	}
	for _, doc := range differenceDocs() {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			t.Skip("the reference takes seconds for a long document of series nested in series")
		}
		agreesWithReference(t, "fuzz.json", data, Options{MaxRows: 10_000})
	})
}
