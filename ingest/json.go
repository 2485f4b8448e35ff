package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest/internal/charset"
)

// readJSON reads a JSON document, one of:
//
//	[ {observation}, ... ]                          the series endpoint's observations
//	[ {target}, ... ]                               targets (items with "plan" or "kind")
//	[ {"region":..,"indicator":..,"unit":..,"observations":[{year,value,...}]}, ... ]
//	{"region":..,"indicator":..,"observations":[...]}  one series, as GET .../series returns it
//	{"regions":[..],"indicators":[..],"observations":[..],"targets":[..]}  a plancast.Bundle
//	{observation} or {target}                       one on its own: a list of one
//
// A top-level object's key that is none of these and holds a list or an
// object ({"data": [...]}) is a problem naming it (unknownTopLevelKey).
//
// An observation's region, indicator, unit and period default to the enclosing
// series'. Values may be numbers or strings ("1,234.5"), and so may an
// observation's stated growth in percent ("growth": 17.1 or "17.1%") and the
// year it is measured from ("growth_base_year", absent for year on year).
// Every key is matched in any case, as encoding/json matches a field's,
// the lists ("observations", "regions", ...) too: "Observations" used to
// be left out, and its figures with it, without a word. Problems are
// located by the line where each item starts.
//
// An item of a bare list is a target when it has a target's keys ("plan"
// or "kind", in any case) and no "observations", as a table with a plan or
// kind column is a targets table (see targetItem); in any other list of
// figures such an item is refused. Why: read as a figure, a list of targets
// was stored as figures of the targets' years (GDP of 2100 = 3), its plans
// and kinds left out without a word.
//
// The document is read in two passes over its bytes: validJSON checks it,
// then jsonDoc.observation decodes each observation as encoding/json would.
// An item with a mistake (a value of the wrong JSON type, a misspelt key)
// is decoded by encoding/json as before (addItem), so that the problem it
// names reads the same. A key given twice in one object, which
// encoding/json would read as the last one, is a problem (duplicateKey).
// Why: encoding/json checked the whole document, split it into items and
// decoded each one, some twice; reading 100,000
// observations took 2.1-2.4 s, four times the same figures as CSV
// (0.50-0.65 s, BenchmarkParseLongCSV100k), and now takes 0.47-0.57 s
// (BenchmarkParseJSON100k, four runs each).
func (p *parser) readJSON(br *bufio.Reader) error {
	data, err := io.ReadAll(br)
	if err != nil {
		return err
	}
	defer p.done()
	if msg, at := notUTF8(data); msg != "" {
		p.ps.add(Problem{File: p.file, Line: newLineIndex(data).line(at), Message: msg})
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	lines := newLineIndex(data)
	items, ok := validJSON(data)
	if !ok {
		// encoding/json says what is wrong and where, as it always has.
		if err := json.Unmarshal(data, new(json.RawMessage)); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				p.ps.add(Problem{File: p.file, Line: lines.line(int(se.Offset)), Message: "malformed JSON: " + se.Error()})
			} else {
				p.ps.add(Problem{File: p.file, Message: "malformed JSON: " + err.Error()})
			}
			return nil
		}
		// Not reached while validJSON agrees with encoding/json; if it
		// refused what encoding/json reads, the document is read all the same.
	}
	// Each observation is an object in a list: hold them in a slice sized
	// once, not grown by copying, which took 0.11 s of the 0.58 s reading
	// 100,000 observations took (BenchmarkParseJSON100k).
	doc := jsonDoc{data: data, observations: make([]jsonObservation, 0, min(items, p.opt.MaxRows+1))}
	root := skipJSONSpace(data, 0)
	switch {
	case root < len(data) && data[root] == '[' && p.opt.TargetsList:
		err = doc.elements(root, func(s, e, n int) error { doc.target(s, e, n); return nil })
	case root < len(data) && data[root] == '[':
		err = doc.elements(root, func(start, end, n int) error { return doc.item(start, end, n, jsonSeries{}, true) })
	case root < len(data) && data[root] == '{' && doc.loneItem(root):
		// One figure or target on its own, as an item of a list is
		// written: read as a list of one. It was read as a series
		// without figures, and refused as holding none.
		err = doc.item(root, skipJSONValue(data, root), 1, jsonSeries{}, true)
	case root < len(data) && data[root] == '{':
		err = doc.object(root)
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

	// Items that start on one line (a minified document, all on line 1)
	// are told apart by the column each starts at: "line 1" alone named
	// every problem's item alike, and counted them all one rejected row.
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
	// Declarations first, so that the figures below may use them.
	for _, d := range doc.regions {
		p.res.addRegion(d.value)
		p.b.Regions = append(p.b.Regions, d.value)
	}
	for _, d := range doc.indicators {
		p.res.addIndicator(d.value)
		p.b.Indicators = append(p.b.Indicators, d.value)
	}
	if p.expectRows == 0 {
		// The figures are counted: hold them in slices sized once.
		p.expectRows = min(len(doc.observations), p.opt.MaxRows)
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

// jsonValue is a scalar that may come as a number or a string; it keeps the
// text so that problems quote what was sent.
type jsonValue struct {
	text    string
	present bool
}

func (v *jsonValue) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "null" {
		*v = jsonValue{}
		return nil
	}
	v.present = true
	if strings.HasPrefix(s, `"`) {
		return json.Unmarshal(b, &v.text)
	}
	v.text = s // a number, or true/false/an object, which the field parser will refuse by name
	return nil
}

// jsonSource accepts {"document":..,"quote":..} or a plain string.
type jsonSource plancast.Source

func (s *jsonSource) UnmarshalJSON(b []byte) error {
	if bytes.HasPrefix(bytes.TrimSpace(b), []byte(`"`)) {
		return json.Unmarshal(b, &s.Document)
	}
	return json.Unmarshal(b, (*plancast.Source)(s))
}

// jsonSeries is what an enclosing series gives its observations.
type jsonSeries struct {
	Region    string `json:"region"`
	Indicator string `json:"indicator"`
	Unit      string `json:"unit"`
	Period    string `json:"period"`
}

type jsonObservation struct {
	jsonSeries
	Year      jsonValue   `json:"year"`
	Value     jsonValue   `json:"value"`
	Status    string      `json:"status"`
	Source    *jsonSource `json:"source"`
	Published jsonValue   `json:"published"`
	// Growth is the stated growth in percent (17.1, or "17.1%"), and
	// GrowthBaseYear the year it is measured from (absent: year on year).
	Growth         jsonValue `json:"growth"`
	GrowthBaseYear jsonValue `json:"growth_base_year"`
	offset         int
	// unsaid is which of "status" and "growth" the item does not give
	// (rowPlaces.unsaid); given as null, a key says none.
	unsaid unsaid
}

type jsonTarget struct {
	Region    string      `json:"region"`
	Indicator string      `json:"indicator"`
	Plan      string      `json:"plan"`
	Kind      string      `json:"kind"`
	BaseYear  jsonValue   `json:"base_year"`
	Year      jsonValue   `json:"year"`
	Value     jsonValue   `json:"value"`
	Unit      string      `json:"unit"`
	Binding   jsonValue   `json:"binding"`
	Source    *jsonSource `json:"source"`
	Note      string      `json:"note"`
	Published jsonValue   `json:"published"`
	offset    int
	// unsaid is which of "base_year" and "binding" the item does not give
	// (jsonTargetUnsaid).
	unsaid unsaid
}

type declared[T any] struct {
	value  T
	offset int
}

type jsonDoc struct {
	data         []byte           // the whole document, checked by validJSON; offsets are into it
	errs         []*jsonItemError // items of the wrong shape; reading goes on past them
	regions      []declared[plancast.Region]
	indicators   []declared[plancast.Indicator]
	observations []jsonObservation
	targets      []jsonTarget
	// keys remembers what observationKey made of the keys not spelt as a
	// field, by the key as written.
	keys map[string]int
}

// jsonItemError is a JSON item that does not have the expected shape.
type jsonItemError struct {
	offset     int
	field, msg string
}

func (e *jsonItemError) Error() string { return e.msg }

func itemError(off int, field string, err error) *jsonItemError {
	msg := err.Error()
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			field = te.Field
		}
		msg = fmt.Sprintf("%s must be a %s, not a JSON %s", field, jsonKind(te.Type.Kind().String()), te.Value)
	}
	return &jsonItemError{offset: off, field: field, msg: msg}
}

func jsonKind(k string) string {
	switch k {
	case "slice":
		return "list"
	case "struct", "map":
		return "object"
	case "bool":
		return "boolean (true or false)"
	}
	return k
}

// object reads a top-level object: a Bundle or a single series. A key
// given twice in it is the one problem: what the document holds is in
// doubt (which region its figures are of, which list of them is meant).
// So are units other than lin: the document is a series answer whose
// values are not figures (see unitsProblem).
func (d *jsonDoc) object(at int) error {
	if e := duplicateKey(d.data, at, 0, bundleField, inTopLevel); e != nil {
		return e
	}
	var keys []string
	for m := d.members(at); m.next(); {
		key := unquoteJSON(m.key)
		keys = append(keys, key)
		if strings.EqualFold(key, "units") {
			if e := unitsProblem(d.data[m.start:m.end], m.at, true); e != nil {
				return e
			}
		}
	}
	if revisionsAnswer(keys) {
		// A revisions answer pushed back (revisions.go): the document is
		// the one problem, named for its series when it gives one.
		var s jsonSeries
		_ = json.Unmarshal(d.data, &s)
		series := ""
		if plancast.ValidCode(s.Region) && plancast.ValidCode(s.Indicator) {
			series = s.Region + "/" + s.Indicator
		}
		return &jsonItemError{offset: at, msg: revisionsMessage(series)}
	}
	series, ok := d.series(at)
	if !ok {
		series = jsonSeries{}
		if err := json.Unmarshal(d.data, &series); err != nil {
			d.errs = append(d.errs, itemError(0, "", err))
		}
	}
	for m := d.members(at); m.next(); {
		key, off := bundleList(unquoteJSON(m.key)), m.start
		var err error
		switch key {
		case "regions":
			err = d.elements(off, func(s, e, _ int) error {
				if e := duplicateKey(d.data, s, s, regionField, inDeclarations(key)); e != nil {
					d.errs = append(d.errs, e)
					return nil
				}
				var r plancast.Region
				if err := json.Unmarshal(d.data[s:e], &r); err != nil {
					d.errs = append(d.errs, itemError(s, "regions", err))
					return nil
				}
				d.regions = append(d.regions, declared[plancast.Region]{r, s})
				return nil
			})
		case "indicators":
			err = d.elements(off, func(s, e, _ int) error {
				if e := duplicateKey(d.data, s, s, indicatorField, inDeclarations(key)); e != nil {
					d.errs = append(d.errs, e)
					return nil
				}
				// A misspelt key is said: "percent_of_hole" would leave a
				// percentage of a whole undeclared without a word.
				var i plancast.Indicator
				key, meant, _, err := decodeKnown(d.data[s:e], &i, indicatorKeys())
				if err != nil {
					d.errs = append(d.errs, itemError(s, "indicators", err))
					return nil
				}
				if key != "" {
					d.errs = append(d.errs, misspeltKeyError(s, key, meant))
					return nil
				}
				d.indicators = append(d.indicators, declared[plancast.Indicator]{i, s})
				return nil
			})
		case "observations":
			err = d.elements(off, func(s, e, n int) error { return d.item(s, e, n, series, false) })
		case "targets":
			err = d.elements(off, func(s, e, n int) error { d.target(s, e, n); return nil })
		default:
			if strings.EqualFold(key, "units") { // lin: read above
				break
			}
			if meant := misspeltName(strings.ToLower(key), bundleKeys()); meant != "" {
				d.errs = append(d.errs, misspeltKeyError(off, key, meant))
				break
			}
			if c := d.data[m.start]; (c == '[' || c == '{') && !topLevelKey(key) {
				d.errs = append(d.errs, unknownTopLevelKey(off, key, c == '['))
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// loneItem reports whether the top-level object at is one figure or
// target on its own ({"region": …, "indicator": …, "year": 2025, "value":
// 243.6}): it has a figure's year or value, or a target's plan or kind,
// and none of the lists of a bundle or a series ("observations", …).
func (d *jsonDoc) loneItem(at int) bool {
	item := false
	for m := d.members(at); m.next(); {
		key := unquoteJSON(m.key)
		switch {
		case bundleList(key) != key || strings.EqualFold(key, "years") || strings.EqualFold(key, "summary"):
			return false // a bundle, a series, or a revisions answer (object)
		case strings.EqualFold(key, "year") || strings.EqualFold(key, "value") || strings.EqualFold(key, "plan") || strings.EqualFold(key, "kind"):
			item = true
		}
	}
	return item
}

// seriesAnswerKeys are the keys of a series answer (api.SeriesResponse)
// beside a series' own, which a series pushed back as it was downloaded
// carries and which are left out: the transform, the date and the notes.
var seriesAnswerKeys = []string{"units", "as_of", "notes", "notes_zh"}

// topLevelKey reports whether key (in any case) is one a top-level object
// may have: a bundle's lists, a series' keys, a series answer's.
func topLevelKey(key string) bool {
	for _, k := range append(bundleKeys(), seriesAnswerKeys...) {
		if strings.EqualFold(key, k) {
			return true
		}
	}
	return false
}

// unknownTopLevelKey is the problem of a key of a top-level object that is
// none of topLevelKey's and holds a list (list) or an object: {"data":
// [...]} was read as a series without figures, what "data" held left out
// without a word. A key holding a text or a number (an export's
// "exported_by") says something of the document, not its figures, and is
// left out as before, as other systems' exports need.
func unknownTopLevelKey(off int, key string, list bool) *jsonItemError {
	holds := "an object"
	if list {
		holds = "a list"
	}
	return &jsonItemError{offset: off, field: key, msg: fmt.Sprintf("the key %q holds %s, but it is not one plancast reads at the top of a JSON document, so what it holds would be left out: "+
		`the top level is a bundle ("regions", "indicators", "observations", "targets") or one series ("region", "indicator", "unit", "period" and its figures under "observations"); `+
		`put the figures under "observations" and the targets under "targets", or push a list of them as it is: [{"region": …, "indicator": …, "year": …, "value": …}, …]`, key, holds)}
}

// target reads an element of a list of targets, data[s:e], its item n
// (from 1). An item that is a figure (figureItem) is refused as one.
func (d *jsonDoc) target(s, e, n int) {
	if e := itemDuplicateKey(d.data, s, s, targetField); e != nil {
		d.errs = append(d.errs, e)
		return
	}
	if keys := figureItem(d.data[s:e]); keys != nil {
		d.errs = append(d.errs, figureInTargets(s, n, keys))
		return
	}
	var t jsonTarget
	key, meant, _, err := decodeKnown(d.data[s:e], &t, targetKeys())
	if err != nil {
		d.errs = append(d.errs, itemError(s, "targets", err))
		return
	}
	if key != "" {
		d.errs = append(d.errs, misspeltKeyError(s, key, meant))
		return
	}
	t.offset, t.unsaid = s, jsonTargetUnsaid(d.data[s:e])
	d.targets = append(d.targets, t)
}

// targetItem returns the keys of the object item (as written) that only a
// target has, "plan", "kind" and "binding" in any case (a figure is never
// binding: an item with it and no plan is a target missing its plan, not a
// figure whose keys go unread), or nil when it has none or is a series
// object (one with "observations", whose "kind" would be its indicator's).
func targetItem(item []byte) []string {
	var keys []string
	for m := (jsonMembers{data: item, i: 1}); m.next(); {
		switch key := unquoteJSON(m.key); {
		case strings.EqualFold(key, "observations"):
			return nil
		case targetKey(key):
			keys = append(keys, key)
		}
	}
	return keys
}

// targetKey reports whether key is one only a target has, "plan", "kind"
// or "binding", in any case (targetItem; observationKey's keyTarget).
func targetKey(key string) bool {
	return strings.EqualFold(key, "plan") || strings.EqualFold(key, "kind") || strings.EqualFold(key, "binding")
}

// targetInFigures is the problem of an item with a target's keys in a list
// of figures (targetItem), at off, the list's item n (from 1): said to be
// a target, as a figure in a list of targets is said to be a figure
// (figureInTargets), and by its place in the list, for the line of a
// document written on one line names none.
func targetInFigures(off, n int, keys []string) *jsonItemError {
	what := "a target's key"
	if len(keys) > 1 {
		what = "a target's keys"
	}
	return &jsonItemError{offset: off, field: keys[0], msg: fmt.Sprintf("item %d of the figures is a target, not a figure: it has %s, %s, which a list of figures would leave out, reading the item as a figure; "+
		`put targets in a bundle's "targets", or push a list of targets on its own (to POST /api/v1/targets, or with plancast ingest)`, n, quotedKeys(keys), what)}
}

// figureItem returns the keys of the object item (as written) that make it
// a figure rather than a target, "year" and "value" in any case, when it has
// both and none of a target's own keys ("plan", "kind", "binding",
// "base_year", "note"); nil otherwise. Such an item in a list of targets
// (POST /api/v1/targets, whose bare list is one, or a bundle's "targets")
// is a figure sent to the wrong place: read as a target, it was told that
// its plan "" and its kind "" were no plan and no kind, which sent its
// sender looking for a plan the figure never had.
func figureItem(item []byte) []string {
	var year, value string
	for m := (jsonMembers{data: item, i: 1}); m.next(); {
		switch key := unquoteJSON(m.key); {
		case strings.EqualFold(key, "year"):
			year = key
		case strings.EqualFold(key, "value"):
			value = key
		case targetKey(key), strings.EqualFold(key, "base_year"), strings.EqualFold(key, "note"):
			return nil
		}
	}
	if year == "" || value == "" {
		return nil
	}
	return []string{year, value}
}

// figureInTargets is the problem of a figure (figureItem) in a list of
// targets, at off, the list's item n (from 1): what it is, and where
// figures go.
func figureInTargets(off, n int, keys []string) *jsonItemError {
	return &jsonItemError{offset: off, msg: fmt.Sprintf("item %d of the targets is a figure, not a target: it has %s and no plan or kind; "+
		`push figures to POST /api/v1/observations (in a bundle, under "observations"); a target needs a plan (14th-fyp, 2021-annual) and a kind (%s)`,
		n, quotedKeys(keys), strings.Join(plancast.TargetKinds, ", "))}
}

// quotedKeys writes keys quoted and joined with "and": "plan" and "kind".
func quotedKeys(keys []string) string {
	quoted := make([]string, len(keys))
	for i, k := range keys {
		quoted[i] = strconv.Quote(k)
	}
	return strings.Join(quoted, " and ")
}

// bundleList is the bundle's list that key names, matched in any case as
// encoding/json matches a field's key ("Observations" is "observations"),
// or key itself when it names none.
func bundleList(key string) string {
	_, lists := bundleFields()
	for _, l := range lists {
		if strings.EqualFold(key, l) {
			return l
		}
	}
	return key
}

// series is what the top-level object at gives its observations, as
// json.Unmarshal would decode it into a jsonSeries, and whether it could
// tell: a key meaning one of its fields (in any case) whose value is not a
// string or null is left to json.Unmarshal to name.
func (d *jsonDoc) series(at int) (s jsonSeries, ok bool) {
	for m := d.members(at); m.next(); {
		key := unquoteJSON(m.key)
		var field *string
		switch {
		case strings.EqualFold(key, "region"):
			field = &s.Region
		case strings.EqualFold(key, "indicator"):
			field = &s.Indicator
		case strings.EqualFold(key, "unit"):
			field = &s.Unit
		case strings.EqualFold(key, "period"):
			field = &s.Period
		default:
			continue
		}
		if !d.setString(field, m.start, m.end) {
			return s, false
		}
	}
	return s, true
}

// item reads an element of an observations list, data[start:end]: an
// observation, or a series object with its own observations, or, in a bare
// list (bare), a target. Those read fast (observation) are read here;
// anything else, mistakes and targets included, goes to addItem, which
// decodes with encoding/json.
func (d *jsonDoc) item(start, end, n int, outer jsonSeries, bare bool) error {
	if d.data[start] != '{' {
		return d.addItem(d.data[start:end], start, n, outer, bare)
	}
	o, list, ok := d.observation(start)
	if !ok {
		return d.addItem(d.data[start:end], start, n, outer, bare)
	}
	if list < 0 {
		inherit(&o.jsonSeries, outer)
		o.offset = start
		d.observations = append(d.observations, o)
		return nil
	}
	inner := o.jsonSeries
	inherit(&inner, outer)
	return d.elements(list, func(s, e, n int) error { return d.item(s, e, n, inner, false) })
}

// The fields of an observation, as observationKey names them.
const (
	keyIgnored = iota // not a field, nor near one: left out
	keyRegion
	keyIndicator
	keyUnit
	keyPeriod
	keyYear
	keyValue
	keyStatus
	keySource
	keyPublished
	keyGrowth
	keyGrowthBaseYear
	keyObservations // "observations" (in any case): a series' list
	keyUnits        // "units" (in any case): the transform of a downloaded series
	keyTarget       // "plan", "kind" or "binding" (in any case): a target's, for addItem to judge
	keyOther        // anything addItem must judge: a misspelt key
)

// observationFields are the keys of jsonObservation's fields, in the order
// of the constants above from keyRegion.
var observationFields = []string{"region", "indicator", "unit", "period", "year", "value", "status", "source", "published", "growth", "growth_base_year"}

// observationKey says what the key of an observation's member (as written,
// between its quotes) is. Keys spelt as the fields are known at once; any
// other is decoded and matched as encoding/json matches keys (in any case)
// and checked for a misspelling as decodeKnown does, once per document.
func (d *jsonDoc) observationKey(raw []byte) int {
	switch string(raw) {
	case "region":
		return keyRegion
	case "indicator":
		return keyIndicator
	case "unit":
		return keyUnit
	case "period":
		return keyPeriod
	case "year":
		return keyYear
	case "value":
		return keyValue
	case "status":
		return keyStatus
	case "source":
		return keySource
	case "published":
		return keyPublished
	case "growth":
		return keyGrowth
	case "growth_base_year":
		return keyGrowthBaseYear
	case "observations":
		return keyObservations
	case "units":
		return keyUnits
	case "plan", "kind", "binding":
		return keyTarget
	}
	if k, ok := d.keys[string(raw)]; ok {
		return k
	}
	k := keyIgnored
	key := unquoteJSON(raw)
	switch {
	case strings.EqualFold(key, "units"): // not "unit" misspelt
		k = keyUnits
	case targetKey(key):
		k = keyTarget
	case misspeltName(strings.ToLower(key), observationKeys()) != "":
		k = keyOther
	case strings.EqualFold(key, "observations"):
		k = keyObservations
	default:
		for i, f := range observationFields {
			if strings.EqualFold(key, f) {
				k = keyRegion + i
				break
			}
		}
	}
	if d.keys == nil {
		d.keys = map[string]int{}
	}
	if len(d.keys) < 1000 { // a bound on what a document of made-up keys costs
		d.keys[string(raw)] = k
	}
	return k
}

// observation decodes the object at start as decodeKnown would into a
// jsonObservation, with the offset of its list when it is a series object
// (the value of its "observations" key; -1 if none). It reports false for
// anything decodeKnown and addItem judge otherwise: a value of the wrong
// JSON type, a misspelt key, a list of observations that is not a list, a
// field given twice (see duplicateKey), units other than lin, a target's
// key.
func (d *jsonDoc) observation(start int) (jsonObservation, int, bool) {
	var o jsonObservation
	list := -1
	var seen uint32 // the fields given so far, a bit each: 1<<keyRegion, ...
	for m := d.members(start); m.next(); {
		k := d.observationKey(m.key)
		if k != keyIgnored {
			if seen&(1<<k) != 0 {
				return jsonObservation{}, -1, false
			}
			seen |= 1 << k
		}
		ok := true
		switch k {
		case keyIgnored:
		case keyRegion:
			ok = d.setString(&o.Region, m.start, m.end)
		case keyIndicator:
			ok = d.setString(&o.Indicator, m.start, m.end)
		case keyUnit:
			ok = d.setString(&o.Unit, m.start, m.end)
		case keyPeriod:
			ok = d.setString(&o.Period, m.start, m.end)
		case keyStatus:
			ok = d.setString(&o.Status, m.start, m.end)
		case keyYear:
			d.setValue(&o.Year, m.start, m.end)
		case keyValue:
			d.setValue(&o.Value, m.start, m.end)
		case keyPublished:
			d.setValue(&o.Published, m.start, m.end)
		case keyGrowth:
			d.setValue(&o.Growth, m.start, m.end)
		case keyGrowthBaseYear:
			d.setValue(&o.GrowthBaseYear, m.start, m.end)
		case keySource:
			ok = d.setSource(&o.Source, m.start, m.end)
		case keyObservations:
			ok = d.data[m.start] == '['
			list = m.start
		case keyUnits:
			ok = unitsProblem(d.data[m.start:m.end], 0, false) == nil
		default:
			ok = false
		}
		if !ok {
			return jsonObservation{}, -1, false
		}
	}
	o.unsaid = unsaidKeys(seen&(1<<keyStatus) != 0, seen&(1<<keyGrowth) != 0)
	return o, list, true
}

// unsaidKeys is what an observation item leaves unsaid, given whether it has
// a "status" key and a "growth" key (in any case, as encoding/json matches
// them; null counts: it says none).
func unsaidKeys(status, growth bool) unsaid {
	var u unsaid
	if !status {
		u |= unsaidStatus
	}
	if !growth {
		u |= unsaidGrowth
	}
	return u
}

// setString sets *s to the JSON string data[start:end]; null leaves it as
// it is, as encoding/json does. Any other value is not a string.
func (d *jsonDoc) setString(s *string, start, end int) bool {
	switch d.data[start] {
	case '"':
		*s = unquoteJSON(d.data[start+1 : end-1])
	case 'n':
	default:
		return false
	}
	return true
}

// setValue sets v as jsonValue.UnmarshalJSON does from data[start:end].
func (d *jsonDoc) setValue(v *jsonValue, start, end int) {
	switch d.data[start] {
	case '"':
		*v = jsonValue{text: unquoteJSON(d.data[start+1 : end-1]), present: true}
	case 'n':
		*v = jsonValue{}
	default: // a number, true, false, or an object or a list the field parser will refuse
		*v = jsonValue{text: string(d.data[start:end]), present: true}
	}
}

// setSource sets *s as encoding/json would from data[start:end]: null
// clears it, a string or an object goes into the jsonSource it points to
// (a new one if none). Any other value is a mistake, for addItem to name.
func (d *jsonDoc) setSource(s **jsonSource, start, end int) bool {
	switch d.data[start] {
	case 'n':
		*s = nil
	case '"':
		if *s == nil {
			*s = new(jsonSource)
		}
		(*s).Document = unquoteJSON(d.data[start+1 : end-1])
	case '{':
		if *s == nil {
			*s = new(jsonSource)
		}
		src, ok, again := d.sourceObject(**s, start)
		if again {
			return false // for addItem to name
		}
		if ok {
			**s = src
			return true
		}
		return (*s).UnmarshalJSON(d.data[start:end]) == nil
	default:
		return false
	}
	return true
}

// sourceObject is src with the object at start decoded into it as
// json.Unmarshal would, when its document and quote (in any case) are
// strings or null; what json.Unmarshal makes of any other is left to it.
// again says the object gives one of them twice (see duplicateKey).
// Why: the API writes every observation's source as an object, and
// json.Unmarshal took 0.2-0.3 s of the 0.86-1.00 s that reading 100,000
// such observations took (BenchmarkParseJSONSeries100k; 0.67 s without).
func (d *jsonDoc) sourceObject(src jsonSource, start int) (_ jsonSource, ok, again bool) {
	var seen [2]bool // document, quote
	ok = true
	for m := d.members(start); m.next(); {
		var field *string
		i := 0
		switch {
		case string(m.key) == "document":
			field = &src.Document
		case string(m.key) == "quote":
			field, i = &src.Quote, 1
		case strings.EqualFold(unquoteJSON(m.key), "document"):
			field = &src.Document
		case strings.EqualFold(unquoteJSON(m.key), "quote"):
			field, i = &src.Quote, 1
		default:
			continue
		}
		if seen[i] {
			return src, false, true
		}
		seen[i] = true
		if ok && !d.setString(field, m.start, m.end) {
			ok = false // read on: a key given twice is named before a value of the wrong type
		}
	}
	return src, ok, false
}

// unquoteJSON is the text of a JSON string, given what is between its
// quotes, as encoding/json decodes it: escapes undone, and bytes that are
// not UTF-8 each replaced by U+FFFD.
func unquoteJSON(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
		return string(raw)
	}
	var s string
	q := make([]byte, 0, len(raw)+2)
	q = append(append(append(q, '"'), raw...), '"')
	_ = json.Unmarshal(q, &s) // cannot fail: validJSON (or encoding/json) checked the string
	return s
}

// addItem reads an element of an observations list: an observation, or a
// series object with its own observations; in a bare list (bare), whose
// elem is the document's from off, a target too (targetItem).
func (d *jsonDoc) addItem(elem []byte, off, n int, outer jsonSeries, bare bool) error {
	trimmed := bytes.TrimSpace(elem)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		d.errs = append(d.errs, &jsonItemError{offset: off, msg: "an observation must be a JSON object"})
		return nil
	}
	if keys := targetItem(trimmed); keys != nil {
		if bare {
			d.target(off, off+len(elem), n)
		} else {
			d.errs = append(d.errs, targetInFigures(off, n, keys))
		}
		return nil
	}
	if e := itemDuplicateKey(trimmed, 0, off, d.observationField); e != nil {
		d.errs = append(d.errs, e)
		return nil
	}
	if e := itemUnitsProblem(trimmed, off); e != nil {
		d.errs = append(d.errs, e)
		return nil
	}
	var o jsonObservation
	key, meant, extra, err := decodeKnown(elem, &o, observationKeys(), "units")
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
	if extra { // only an object with keys beyond an observation's can be a series
		_ = json.Unmarshal(elem, &probe)
	}
	if probe.Observations != nil {
		inner := o.jsonSeries
		inherit(&inner, outer)
		return eachMember(elem, off, func(key string, val []byte, o int) error {
			if !strings.EqualFold(key, "observations") {
				return nil
			}
			n := 0
			return eachElement(val, o, func(e []byte, eo int) error { n++; return d.addItem(e, eo, n, inner, false) })
		})
	}
	inherit(&o.jsonSeries, outer)
	o.offset = off
	status, growth := false, false
	for m := (jsonMembers{data: trimmed, i: 1}); m.next(); {
		key := unquoteJSON(m.key)
		status = status || strings.EqualFold(key, "status")
		growth = growth || strings.EqualFold(key, "growth")
	}
	o.unsaid = unsaidKeys(status, growth)
	d.observations = append(d.observations, o)
	return nil
}

// A series answer of the API (GET /api/v1/series/{region}/{indicator}) is
// a series object, with the transform it was asked with under "units":
//
//	{"region": "houma", "indicator": "gdp", "unit": "100m_yuan", "units": "lin", "period": "year", "observations": [...]}
//
// With units=lin, the default, its values are the figures, each with its
// own status, period, source, published date and stated growth: pushed
// back it is read as the figures it holds, and a push of a series just
// downloaded finds them unchanged. With other units (chg, pch, log, ...)
// its values are changes or logarithms of the figures, which pushed back
// would revise the figures they were computed from. It is refused, as a
// CSV or XLSX download's transform column is (parser.levels):
//
//	s.json line 1 (units): the values are not figures but units=pch of the figures (a series downloaded with units=pch); download the series with units=lin, the default, to push its figures back
//
// The top-level object is the one problem, at its units; a series object
// or an observation in a list is refused at the line where it starts, as
// one with a misspelt key is. Why: "units" was answered `did you mean
// "unit"?` as a misspelt key, which it is not, and a series answer could
// not be pushed back at all.

// unitsProblem is the problem of units given as v (a JSON value) to a
// series (values) or an observation, at off; nil for lin, blank, 原值 (as
// levels reads a transform cell) or null.
func unitsProblem(v []byte, off int, values bool) *jsonItemError {
	var msg string
	switch v[0] {
	case 'n':
		return nil
	case '"':
		text := strings.TrimSpace(unquoteJSON(v[1 : len(v)-1]))
		switch fold(text) {
		case "", "lin", fold("原值"):
			return nil
		}
		what := "the value is not a figure"
		if values {
			what = "the values are not figures"
		}
		msg = fmt.Sprintf("%s but units=%s of the figures (a series downloaded with units=%s); download the series with units=lin, the default, to push its figures back", what, text, text)
	default:
		kind := "number"
		switch v[0] {
		case '{':
			kind = "object"
		case '[':
			kind = "array"
		case 't', 'f':
			kind = "bool"
		}
		msg = fmt.Sprintf(`units must be "lin" or left out, not a JSON %s: a batch holds figures, and units names the transform of a downloaded series (lin, chg, pch, ...)`, kind)
	}
	return &jsonItemError{offset: off, field: "units", msg: msg}
}

// itemUnitsProblem is the problem of the units of the item at data[0], a
// series object or an observation that starts at off in the document, or
// nil.
func itemUnitsProblem(data []byte, off int) *jsonItemError {
	var units []byte
	series := false
	for m := (jsonMembers{data: data, i: 1}); m.next(); {
		switch key := unquoteJSON(m.key); {
		case strings.EqualFold(key, "units"):
			units = data[m.start:m.end]
		case strings.EqualFold(key, "observations"):
			series = true
		}
	}
	if units == nil {
		return nil
	}
	return unitsProblem(units, off, series)
}

func inherit(s *jsonSeries, outer jsonSeries) {
	if s.Region == "" {
		s.Region = outer.Region
	}
	if s.Indicator == "" {
		s.Indicator = outer.Indicator
	}
	if s.Unit == "" {
		s.Unit = outer.Unit
	}
	if s.Period == "" {
		s.Period = outer.Period
	}
}

// jsonObservation resolves and converts one observation.
func (p *parser) jsonObservation(o jsonObservation, at record) {
	c := func(field, text string) cell { return cell{at: at, field: field, text: text} }
	region, ok := p.region(c(fieldRegion, o.Region))
	indicator, inName, okInd := p.indicator(c(fieldIndicator, o.Indicator))
	year, okYear := p.year(c(fieldYear, o.Year.text))
	status, okStatus := p.status(c(fieldStatus, o.Status))
	value, okValue := p.figureValue(c(fieldValue, o.Value.text), status)
	period, okPeriod := p.period(c(fieldPeriod, o.Period))
	published, okPub := p.date(c(fieldPublished, o.Published.text))
	growth, base, okGrowth := p.statedGrowth(c(fieldGrowth, o.Growth.text), c(fieldGrowthBase, o.GrowthBaseYear.text))
	unit, okUnit := inName, true
	if strings.TrimSpace(o.Unit) != "" {
		unit, okUnit = p.unit(c(fieldUnit, o.Unit), indicator)
	}
	if !(ok && okInd && okYear && okValue && okStatus && okPeriod && okPub && okGrowth && okUnit) {
		return
	}
	value, ok = p.convert(c(fieldUnit, o.Unit), value, unit, indicator)
	if !ok || status != plancast.StatusWithdrawn && !p.percentFits(c(fieldValue, o.Value.text), indicator, percentHintJSON) {
		return
	}
	// As a table's row's (longRow): JSON took a figure of 2030 published
	// 2024-03-01, which CSV refused.
	if !p.publishedFits(c(fieldPublished, o.Published.text), c(fieldYear, o.Year.text), rowMeta{status: status, period: period, published: published}, year) {
		return
	}
	src := plancast.Source{Document: p.file}
	if o.Source != nil {
		src = plancast.Source(*o.Source)
	}
	p.addObservation(plancast.Observation{Region: region, Indicator: indicator, Year: year, Value: value,
		Status: status, Period: period, Source: src, Published: published, Growth: growth, GrowthBaseYear: base},
		origin{record: at, places: placesUnsaid(o.unsaid)})
}

func (p *parser) jsonTarget(t jsonTarget, at record) {
	c := func(field, text string) cell { return cell{at: at, field: field, text: text} }
	region, ok := p.region(c(fieldRegion, t.Region))
	indicator, inName, okInd := p.indicator(c(fieldIndicator, t.Indicator))
	plan, okPlan := p.plan(c(fieldPlan, t.Plan))
	kind, okKind := p.targetKind(c(fieldKind, t.Kind))
	year, okYear := p.year(c(fieldYear, t.Year.text))
	base, okBase := p.optionalYear(c(fieldBaseYear, t.BaseYear.text))
	value, okValue := p.number(c(fieldValue, t.Value.text))
	binding, okBinding := p.binding(c(fieldBinding, t.Binding.text))
	published, okPub := p.date(c(fieldPublished, t.Published.text))
	unit, okUnit := inName, true
	if strings.TrimSpace(t.Unit) != "" {
		unit, okUnit = p.unit(c(fieldUnit, t.Unit), indicator)
	}
	if !(ok && okInd && okPlan && okKind && okYear && okBase && okValue && okBinding && okPub && okUnit) {
		return
	}
	tg := plancast.Target{Region: region, Indicator: indicator, Plan: plan, Kind: kind, BaseYear: base, Year: year,
		Value: value, Binding: binding, Source: plancast.Source{Document: p.file}, Note: t.Note, Published: published}
	if t.Source != nil {
		tg.Source = plancast.Source(*t.Source)
	}
	if !p.targetPercentFits(c(fieldValue, t.Value.text), tg) || !p.targetUnit(c(fieldUnit, t.Unit), &tg, unit) {
		return
	}
	p.addTarget(tg, targetOrigin{origin: origin{record: at, places: targetPlacesUnsaid(t.unsaid)}})
}

// notUTF8 says what is wrong with a JSON document that is not UTF-8, and
// the offset where it is: a JSON text exchanged between systems is UTF-8
// (RFC 8259, section 8.1). Read as UTF-8, a GBK document's names came out
// as U+FFFD (region "������" is unknown) and a UTF-16 one as malformed
// JSON, neither saying why. The character set is told as the CSV and
// report readers tell it (package charset), so that the message names it.
// "" for a UTF-8 document, with its byte-order mark or without.
func notUTF8(data []byte) (msg string, at int) {
	const save = "JSON is UTF-8 (RFC 8259): save the file as UTF-8, or push the figures as CSV, which may be GBK or UTF-16"
	name, mark := charset.Unicode(data)
	switch {
	case charset.UTF16(name) != nil && mark == 0:
		return fmt.Sprintf("the file is %s (it has a NUL byte beside each ASCII character, the first at byte %d), not UTF-8: %s",
			strings.ToUpper(name), bytes.IndexByte(data, 0), save), 0
	case charset.UTF16(name) != nil:
		return fmt.Sprintf("the file is %s (its byte-order mark, bytes 0–1, says so), not UTF-8: %s", strings.ToUpper(name), save), 0
	}
	if utf8.Valid(data[mark:]) {
		return "", 0
	}
	bad := mark + charset.FirstInvalidUTF8(data[mark:])
	if _, _, notGB := charset.Transcode(data, mark, simplifiedchinese.GB18030); notGB < 0 {
		return fmt.Sprintf("the file is not UTF-8 (byte %d, 0x%02X, is not) but reads as GB18030 or GBK, as Chinese Windows saves text: %s",
			bad, data[bad], save), bad
	}
	return fmt.Sprintf("the file is not UTF-8: byte %d (0x%02X) is not: %s", bad, data[bad], save), bad
}

// elements calls fn with the start and end of each element of the JSON
// array at data[at] and its place n in the array (from 1), or says there
// is no array there.
func (d *jsonDoc) elements(at int, fn func(start, end, n int) error) error {
	data := d.data
	if data[at] != '[' {
		return &jsonItemError{offset: at, msg: "expected a JSON array"}
	}
	i := skipJSONSpace(data, at+1)
	if i < len(data) && data[i] == ']' {
		return nil
	}
	for n := 1; i < len(data); n++ {
		end := skipJSONValue(data, i)
		if err := fn(i, end, n); err != nil {
			return err
		}
		if i = skipJSONSpace(data, end); i >= len(data) || data[i] != ',' {
			break
		}
		i = skipJSONSpace(data, i+1)
	}
	return nil
}

// jsonMembers steps through the members of a JSON object: after each
// next, key is the member's key as written (between its quotes), at the
// offset of its opening quote, and data[start:end] its value.
type jsonMembers struct {
	data       []byte
	i          int
	key        []byte
	at         int
	start, end int
}

// members steps through the object at data[at].
func (d *jsonDoc) members(at int) jsonMembers {
	return jsonMembers{data: d.data, i: at + 1}
}

func (m *jsonMembers) next() bool {
	data := m.data
	i := skipJSONSpace(data, m.i)
	if i < len(data) && data[i] == ',' {
		i = skipJSONSpace(data, i+1)
	}
	if i >= len(data) || data[i] != '"' {
		return false // the closing brace
	}
	k := skipJSONString(data, i)
	m.key, m.at = data[i+1:max(i+1, k-1)], i
	m.start = skipJSONSpace(data, skipJSONSpace(data, k)+1) // past the colon
	m.end = skipJSONValue(data, m.start)
	m.i = m.end
	return m.start < len(data)
}

// skipJSONSpace returns the offset of the first byte at or after i that is
// not JSON white space.
func skipJSONSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t') {
		i++
	}
	return i
}

// skipJSONValue returns the end of the JSON value that starts at i, in a
// document validJSON accepts.
func skipJSONValue(data []byte, i int) int {
	depth := 0
	for i < len(data) {
		switch data[i] {
		case '"':
			if i = skipJSONString(data, i); depth == 0 {
				return i
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth <= 0 {
				return i + 1
			}
		default:
			if depth == 0 { // a number, true, false or null
				for i < len(data) && !isJSONDelimiter(data[i]) {
					i++
				}
				return i
			}
		}
		i++
	}
	return i
}

func isJSONDelimiter(c byte) bool {
	switch c {
	case ' ', '\n', '\r', '\t', ',', ']', '}', ':':
		return true
	}
	return false
}

// skipJSONString returns the end of the JSON string whose opening quote is
// at i.
func skipJSONString(data []byte, i int) int {
	for i++; i < len(data); {
		switch data[i] {
		case '"':
			return i + 1
		case '\\':
			i += 2
		default:
			i++
		}
	}
	return len(data)
}

// maxJSONDepth is how deep encoding/json lets a document nest.
const maxJSONDepth = 10_000

// validJSON reports whether data is one JSON value, with white space around
// it, that encoding/json would accept: its grammar (RFC 8259), strings that
// need not be UTF-8, nesting at most maxJSONDepth deep. items is how many
// objects are elements of a list: at least as many as the observations.
//
// Why not json.Valid: its scanner calls a function for every byte, and
// took 83-106 ms to check the 12.7 MB of BenchmarkParseJSON100k's document,
// against 32-36 ms for this loop.
func validJSON(data []byte) (items int, ok bool) {
	open := make([]byte, 0, 16) // '{' or '[' of each value being read
	i := 0
	for {
		// A value starts at i.
		if i = skipJSONSpace(data, i); i >= len(data) {
			return items, false
		}
		switch c := data[i]; c {
		case '{', '[':
			if len(open) == maxJSONDepth {
				return items, false
			}
			if c == '{' && len(open) > 0 && open[len(open)-1] == '[' {
				items++
			}
			if i = skipJSONSpace(data, i+1); i < len(data) && data[i] == c+2 { // '}' or ']'
				i++
				break
			}
			open = append(open, c)
			if c == '{' {
				i = validJSONKey(data, i)
			}
			if i < 0 {
				return items, false
			}
			continue
		case '"':
			i = validJSONString(data, i)
		case 't':
			i = validJSONLiteral(data, i, "true")
		case 'f':
			i = validJSONLiteral(data, i, "false")
		case 'n':
			i = validJSONLiteral(data, i, "null")
		default:
			i = validJSONNumber(data, i)
		}
		if i < 0 {
			return items, false
		}
		// After a value: the ends of those it closes, then a comma and
		// the next value (after its key, in an object).
		for {
			i = skipJSONSpace(data, i)
			if len(open) == 0 {
				return items, i == len(data)
			}
			if i >= len(data) {
				return items, false
			}
			top := open[len(open)-1]
			if data[i] == top+2 {
				open = open[:len(open)-1]
				i++
				continue
			}
			if data[i] != ',' {
				return items, false
			}
			if i++; top == '{' {
				if i = validJSONKey(data, skipJSONSpace(data, i)); i < 0 {
					return items, false
				}
			}
			break
		}
	}
}

// validJSONKey returns the offset after the key at i and its colon, or -1.
func validJSONKey(data []byte, i int) int {
	if i >= len(data) || data[i] != '"' {
		return -1
	}
	if i = validJSONString(data, i); i < 0 {
		return -1
	}
	if i = skipJSONSpace(data, i); i >= len(data) || data[i] != ':' {
		return -1
	}
	return i + 1
}

// validJSONString returns the offset after the string at i, or -1.
func validJSONString(data []byte, i int) int {
	for i++; i < len(data); {
		switch c := data[i]; {
		case c == '"':
			return i + 1
		case c == '\\':
			if i+1 >= len(data) {
				return -1
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(data) || !isHex(data[i+2]) || !isHex(data[i+3]) || !isHex(data[i+4]) || !isHex(data[i+5]) {
					return -1
				}
				i += 6
			default:
				return -1
			}
		case c < 0x20:
			return -1
		default:
			i++
		}
	}
	return -1
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// validJSONLiteral returns the offset after lit at i, or -1.
func validJSONLiteral(data []byte, i int, lit string) int {
	if len(data)-i < len(lit) || string(data[i:i+len(lit)]) != lit {
		return -1
	}
	return i + len(lit)
}

// validJSONNumber returns the offset after the number at i, or -1:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func validJSONNumber(data []byte, i int) int {
	digits := func(i int) int { // the offset after the digits at i, or -1 if none
		j := i
		for j < len(data) && '0' <= data[j] && data[j] <= '9' {
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i >= len(data):
		return -1
	case data[i] == '0':
		i++
	default:
		if i = digits(i); i < 0 {
			return -1
		}
	}
	if i < len(data) && data[i] == '.' {
		if i = digits(i + 1); i < 0 {
			return -1
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		if i++; i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		return digits(i)
	}
	return i
}

// eachElement calls fn with each element of the JSON array in data and the
// element's byte offset in the whole document (base is data's offset).
func eachElement(data []byte, base int, fn func(elem []byte, off int) error) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return &jsonItemError{offset: base, msg: "malformed JSON: " + err.Error()}
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return &jsonItemError{offset: base, msg: "expected a JSON array"}
	}
	for dec.More() {
		start := skipSpace(data, int(dec.InputOffset()))
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

// eachMember calls fn with each member of the JSON object in data, with the
// byte offset of its value.
func eachMember(data []byte, base int, fn func(key string, val []byte, off int) error) error {
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
		start := skipSpace(data, int(dec.InputOffset()))
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

// skipSpace returns the offset of the first byte at or after i that is not
// white space, a comma or a colon: where the next JSON value starts.
func skipSpace(data []byte, i int) int {
	for ; i < len(data); i++ {
		switch data[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
		default:
			return i
		}
	}
	return i
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int // offsets of line starts

func newLineIndex(data []byte) lineIndex {
	idx := make(lineIndex, 1, bytes.Count(data, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return idx
		}
		i += j + 1
		idx = append(idx, i)
	}
}

// column is the 1-based character column of offset off of data in its line.
func (l lineIndex) column(data []byte, off int) int {
	return utf8.RuneCount(data[l[l.line(off)-1]:off]) + 1
}

// sharedLines is the set of lines on which more than one item of the
// document (a figure, a target, a declaration, an item of the wrong shape)
// starts; nil when every item has a line of its own.
func (d *jsonDoc) sharedLines(lines lineIndex) map[int]bool {
	offs := make([]int, 0, len(d.observations)+len(d.targets)+len(d.errs)+len(d.regions)+len(d.indicators))
	for i := range d.observations {
		offs = append(offs, d.observations[i].offset)
	}
	for i := range d.targets {
		offs = append(offs, d.targets[i].offset)
	}
	for _, e := range d.errs {
		offs = append(offs, e.offset)
	}
	for _, r := range d.regions {
		offs = append(offs, r.offset)
	}
	for _, ind := range d.indicators {
		offs = append(offs, ind.offset)
	}
	slices.Sort(offs) // in document order already but for the lists' order
	var shared map[int]bool
	for i := 1; i < len(offs); i++ {
		if l := lines.line(offs[i]); l == lines.line(offs[i-1]) {
			if shared == nil {
				shared = map[int]bool{}
			}
			shared[l] = true
		}
	}
	return shared
}

func (l lineIndex) line(off int) int {
	lo, hi := 0, len(l)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if l[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}
