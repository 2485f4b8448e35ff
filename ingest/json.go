package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/plancast/plancast"
)

// readJSON reads a JSON document, one of:
//
//	[ {observation}, ... ]                          the series endpoint's observations
//	[ {"region":..,"indicator":..,"unit":..,"observations":[{year,value,...}]}, ... ]
//	{"region":..,"indicator":..,"observations":[...]}  one series, as GET .../series returns it
//	{"regions":[..],"indicators":[..],"observations":[..],"targets":[..]}  a plancast.Bundle
//
// An observation's region, indicator, unit and period default to the enclosing
// series'. Values may be numbers or strings ("1,234.5"), and so may an
// observation's stated growth in percent ("growth": 17.1 or "17.1%") and the
// year it is measured from ("growth_base_year", absent for year on year).
// Problems are located by the line where each item starts.
func (p *parser) readJSON(br *bufio.Reader) error {
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
		err = eachElement(data, 0, func(elem []byte, off int) error {
			return doc.addItem(elem, off, jsonSeries{})
		})
	case len(root) > 0 && root[0] == '{':
		err = doc.addObject(data, 0)
	default:
		p.ps.add(Problem{File: p.file, Line: 1, Message: "expected a JSON array of observations or an object with observations"})
		return nil
	}
	if err != nil {
		var at *jsonItemError
		if errors.As(err, &at) {
			p.ps.add(Problem{File: p.file, Line: lines.line(at.offset), Field: at.field, Message: at.msg})
			return nil
		}
		return err
	}

	for _, e := range doc.errs {
		p.ps.add(Problem{File: p.file, Line: lines.line(e.offset), Field: e.field, Message: e.msg})
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
	for _, o := range doc.observations {
		if p.ps.full {
			return nil
		}
		if !p.countRow() {
			return nil
		}
		p.jsonObservation(o, record{File: p.file, Line: lines.line(o.offset)})
	}
	for _, t := range doc.targets {
		if p.ps.full {
			return nil
		}
		p.jsonTarget(t, record{File: p.file, Line: lines.line(t.offset)})
	}
	p.b.declFrom = map[string]record{}
	for _, d := range doc.regions {
		p.b.declFrom["region:"+d.value.Code] = record{File: p.file, Line: lines.line(d.offset)}
	}
	for _, d := range doc.indicators {
		p.b.declFrom["indicator:"+d.value.Code] = record{File: p.file, Line: lines.line(d.offset)}
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
}

type declared[T any] struct {
	value  T
	offset int
}

type jsonDoc struct {
	errs         []*jsonItemError // items of the wrong shape; reading goes on past them
	regions      []declared[plancast.Region]
	indicators   []declared[plancast.Indicator]
	observations []jsonObservation
	targets      []jsonTarget
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
	}
	return k
}

// addObject reads a top-level object: a Bundle or a single series.
func (d *jsonDoc) addObject(data []byte, base int) error {
	var series jsonSeries
	if err := json.Unmarshal(data, &series); err != nil {
		d.errs = append(d.errs, itemError(base, "", err))
	}
	return eachMember(data, base, func(key string, val []byte, off int) error {
		switch key {
		case "regions":
			return eachElement(val, off, func(e []byte, o int) error {
				var r plancast.Region
				if err := json.Unmarshal(e, &r); err != nil {
					d.errs = append(d.errs, itemError(o, "regions", err))
					return nil
				}
				d.regions = append(d.regions, declared[plancast.Region]{r, o})
				return nil
			})
		case "indicators":
			return eachElement(val, off, func(e []byte, o int) error {
				var i plancast.Indicator
				if err := json.Unmarshal(e, &i); err != nil {
					d.errs = append(d.errs, itemError(o, "indicators", err))
					return nil
				}
				d.indicators = append(d.indicators, declared[plancast.Indicator]{i, o})
				return nil
			})
		case "observations":
			return eachElement(val, off, func(e []byte, o int) error { return d.addItem(e, o, series) })
		case "targets":
			return eachElement(val, off, func(e []byte, o int) error {
				var t jsonTarget
				key, meant, _, err := decodeKnown(e, &t, targetKeys())
				if err != nil {
					d.errs = append(d.errs, itemError(o, "targets", err))
					return nil
				}
				if key != "" {
					d.errs = append(d.errs, misspeltKeyError(o, key, meant))
					return nil
				}
				t.offset = o
				d.targets = append(d.targets, t)
				return nil
			})
		default:
			if meant := misspeltName(strings.ToLower(key), bundleKeys()); meant != "" {
				d.errs = append(d.errs, misspeltKeyError(off, key, meant))
			}
		}
		return nil
	})
}

// addItem reads an element of an observations list: an observation, or a
// series object with its own observations.
func (d *jsonDoc) addItem(elem []byte, off int, outer jsonSeries) error {
	trimmed := bytes.TrimSpace(elem)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		d.errs = append(d.errs, &jsonItemError{offset: off, msg: "an observation must be a JSON object"})
		return nil
	}
	var o jsonObservation
	key, meant, extra, err := decodeKnown(elem, &o, observationKeys())
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
			if key != "observations" {
				return nil
			}
			return eachElement(val, o, func(e []byte, eo int) error { return d.addItem(e, eo, inner) })
		})
	}
	inherit(&o.jsonSeries, outer)
	o.offset = off
	d.observations = append(d.observations, o)
	return nil
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
		unit, okUnit = p.unit(c(fieldUnit, o.Unit))
	}
	if !(ok && okInd && okYear && okValue && okStatus && okPeriod && okPub && okGrowth && okUnit) {
		return
	}
	value, ok = p.convert(c(fieldUnit, o.Unit), value, unit, indicator)
	if !ok {
		return
	}
	src := plancast.Source{Document: p.file}
	if o.Source != nil {
		src = plancast.Source(*o.Source)
	}
	p.addObservation(plancast.Observation{Region: region, Indicator: indicator, Year: year, Value: value,
		Status: status, Period: period, Source: src, Published: published, Growth: growth, GrowthBaseYear: base},
		origin{record: at})
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
		unit, okUnit = p.unit(c(fieldUnit, t.Unit))
	}
	if !(ok && okInd && okPlan && okKind && okYear && okBase && okValue && okBinding && okPub && okUnit) {
		return
	}
	tg := plancast.Target{Region: region, Indicator: indicator, Plan: plan, Kind: kind, BaseYear: base, Year: year,
		Value: value, Binding: binding, Source: plancast.Source{Document: p.file}, Note: t.Note, Published: published}
	if t.Source != nil {
		tg.Source = plancast.Source(*t.Source)
	}
	if !p.targetUnit(c(fieldUnit, t.Unit), &tg, unit) {
		return
	}
	p.addTarget(tg, targetOrigin{origin: origin{record: at}})
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
	idx := lineIndex{0}
	for i, b := range data {
		if b == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
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
