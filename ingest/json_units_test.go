package ingest

import (
	"testing"
)

// A series answer of the API (GET /api/v1/series/{region}/{indicator})
// is one series object, the shape the JSON reader takes, with the
// transform it was asked with under "units" (lin, chg, pch, log, ...).
// With units=lin, the default, its values are the figures, each with its
// status, period, source, published date and stated growth: pushed back,
// it is read as the figures it holds, units and all ("recorded", "as_of"
// and "notes" are left out, as keys plancast does not read are). With any
// other units its values are changes or logarithms of the figures, which
// pushed back would revise the figures they were computed from: it is
// refused, saying so, as a CSV or XLSX download's transform column is.
// Before, "units" was answered `did you mean "unit"?`, as if misspelt, and
// a series answer with units=lin could not be pushed back at all.

// seriesAnswer is a series answer as the API writes it (SeriesResponse,
// openapi.json's SeriesResponse), with units as given: Houma's GDP.
func seriesAnswer(units string) string {
	return `{"region":"houma","indicator":"gdp","unit":"100m_yuan","units":` + units + `,"period":"year","as_of":"2021-05-01","observations":[` + "\n" +
		`{"region":"houma","indicator":"gdp","year":2015,"value":88.9,"status":"final","period":"year","source":{"document":"004_381206a40357bc15.txt","quote":"从88.9亿元提高到120.8亿元"},"published":"2021-04-20","recorded":"2026-11-22T21:48:25.487364363Z"},` + "\n" +
		`{"region":"houma","indicator":"gdp","year":2020,"value":120.8,"status":"preliminary","period":"year","source":{"document":"004_381206a40357bc15.txt","quote":"从88.9亿元提高到120.8亿元"},"published":"2021-04-20","recorded":"2026-11-22T21:48:25.487364363Z","growth":5.3,"growth_base_year":2015}` + "\n" +
		`],"notes":["a note"],"notes_zh":["一条说明"]}`
}

func TestASeriesAnswerOfTheLevelsIsReadAsItsFigures(t *testing.T) {
	for _, c := range unitsLevelsCases {
		if got := jsonOutcome(parseString(t, "p.json", c.doc, Options{})); got != c.want {
			t.Errorf("%s: %q\ngot:\n%s\nwant:\n%s", c.name, c.doc, got, c.want)
		}
	}
}

const houmaGDPFigures = `obs line 2: houma gdp 2015 88.9 "final" "year" "004_381206a40357bc15.txt"|"从88.9亿元提高到120.8亿元" 2021-04-20 -` + "\n" +
	`obs line 3: houma gdp 2020 120.8 "preliminary" "year" "004_381206a40357bc15.txt"|"从88.9亿元提高到120.8亿元" 2021-04-20 5.3/2015` + "\n"

var unitsLevelsCases = []dupCase{
	{name: "units lin, as the API writes it", doc: seriesAnswer(`"lin"`), want: houmaGDPFigures},
	{name: "units LIN", doc: seriesAnswer(`"LIN"`), want: houmaGDPFigures},
	{name: "units 原值, as the Chinese download names the levels", doc: seriesAnswer(`"原值"`), want: houmaGDPFigures},
	{name: "units blank", doc: seriesAnswer(`""`), want: houmaGDPFigures},
	{name: "units null", doc: seriesAnswer(`null`), want: houmaGDPFigures},
	{name: "Units in another case", doc: "{\"region\": \"houma\", \"indicator\": \"gdp\", \"Units\": \"lin\", \"observations\": [\n" +
		`{"year": 2020, "value": 1}` + "\n]}",
		want: `obs line 2: houma gdp 2020 1 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "in a series object and an observation", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "units": "lin", "observations": [{"year": 2020, "value": 1}]},` + "\n" +
		obsLine(2019, `, "units": "lin"`) + "\n]",
		want: `obs line 2: houma gdp 2020 1 "final" "year" "p.json"|"" 2025-05-10 -` + "\n" +
			`obs line 3: houma gdp 2019 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
}

// A series answer with units other than lin is the one problem, at its
// units, and nothing of it is read, as a top-level object whose region is
// in doubt is.
func TestASeriesAnswerOfChangesIsRefusedAtItsUnits(t *testing.T) {
	for _, c := range unitsChangesCases {
		if got := jsonOutcome(parseString(t, "p.json", c.doc, Options{})); got != c.want {
			t.Errorf("%s: %q\ngot:\n%s\nwant:\n%s", c.name, c.doc, got, c.want)
		}
	}
}

var unitsChangesCases = []dupCase{
	{name: "units pch", doc: seriesAnswer(`"pch"`),
		want: `problem p.json line 1 (units): the values are not figures but units=pch of the figures (a series downloaded with units=pch); download the series with units=lin, the default, to push its figures back` + "\n"},
	{name: "units log, its key on a line of its own", doc: "{\"region\": \"houma\", \"indicator\": \"gdp\",\n\"units\": \"log\",\n\"observations\": [\n" +
		`{"year": 2020, "value": 4.79}` + "\n]}",
		want: `problem p.json line 2 (units): the values are not figures but units=log of the figures (a series downloaded with units=log); download the series with units=lin, the default, to push its figures back` + "\n"},
	{name: "no figures: Houma's GDP with units=pch leaves out both its years", doc: `{"region":"houma","indicator":"gdp","unit":"percent","units":"pch","period":"year","observations":[],"notes":["units=pch (percent change) needs the figures of consecutive years"]}`,
		want: `problem p.json line 1 (units): the values are not figures but units=pch of the figures (a series downloaded with units=pch); download the series with units=lin, the default, to push its figures back` + "\n"},
	{name: "units not a string", doc: "{\"region\": \"houma\", \"indicator\": \"gdp\", \"units\": 1, \"observations\": [\n" +
		`{"year": 2020, "value": 1}` + "\n]}",
		want: `problem p.json line 1 (units): units must be "lin" or left out, not a JSON number: a batch holds figures, and units names the transform of a downloaded series (lin, chg, pch, ...)` + "\n"},
	{name: "units given twice is named first", doc: "{\"region\": \"houma\", \"indicator\": \"gdp\", \"units\": \"lin\",\n\"UNITS\": \"chg\", \"observations\": []}",
		want: `problem p.json line 2 (units): "units" and "UNITS" are one key, given twice in the top-level object ("lin", then "chg"); keep one` + "\n"},
}

// In a list, a series object or an observation with units other than lin
// is refused at the line where it starts, and the items around it are
// read: a list of several series answers is pushed as far as it holds
// figures.
func TestAnItemOfChangesIsRefusedAtItsLine(t *testing.T) {
	for _, c := range unitsItemCases {
		if got := jsonOutcome(parseString(t, "p.json", c.doc, Options{})); got != c.want {
			t.Errorf("%s: %q\ngot:\n%s\nwant:\n%s", c.name, c.doc, got, c.want)
		}
	}
}

var unitsItemCases = []dupCase{
	{name: "series answers in a list", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "units": "chg", "observations": [` + "\n" +
		`  {"year": 2020, "value": 31.9}` + "\n" +
		"]},\n" +
		`{"region": "houma", "indicator": "gdp", "units": "lin", "observations": [` + "\n" +
		`  {"year": 2020, "value": 120.8}` + "\n" +
		"]}\n]",
		want: `problem p.json line 2 (units): the values are not figures but units=chg of the figures (a series downloaded with units=chg); download the series with units=lin, the default, to push its figures back` + "\n" +
			`obs line 6: houma gdp 2020 120.8 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "an observation", doc: "[\n" +
		obsLine(2020, `, "units": " pc1 "`) + ",\n" +
		obsLine(2019, "") + "\n]",
		want: `problem p.json line 2 (units): the value is not a figure but units=pc1 of the figures (a series downloaded with units=pc1); download the series with units=lin, the default, to push its figures back` + "\n" +
			`obs line 3: houma gdp 2019 100 "final" "year" "p.json"|"" 2025-05-10 -` + "\n"},
	{name: "an observation in a series", doc: "[\n" +
		`{"region": "houma", "indicator": "gdp", "observations": [` + "\n" +
		`  {"year": 2020, "value": 0.36, "Units": "pch"},` + "\n" +
		`  {"year": 2019, "value": 88.9, "units": ["lin"]}` + "\n" +
		"]}\n]",
		want: `problem p.json line 3 (units): the value is not a figure but units=pch of the figures (a series downloaded with units=pch); download the series with units=lin, the default, to push its figures back` + "\n" +
			`problem p.json line 4 (units): units must be "lin" or left out, not a JSON array: a batch holds figures, and units names the transform of a downloaded series (lin, chg, pch, ...)` + "\n"},
	{name: "before a misspelt key, after a key given twice", doc: "[\n" +
		obsLine(2020, `, "publised": "2021-01-01", "units": "chg"`) + ",\n" +
		obsLine(2019, `, "units": "chg", "value": 5`) + "\n]",
		want: `problem p.json line 2 (units): the value is not a figure but units=chg of the figures (a series downloaded with units=chg); download the series with units=lin, the default, to push its figures back` + "\n" +
			`problem p.json line 3 (value): the key "value" is given twice in one item (100, then 5); keep one` + "\n"},
}

// The reader agrees with the reference on the documents above, as
// agreesWithReference allows for units; they seed
// FuzzJSONReaderAgreesWithTheReference.
func TestJSONReaderAgreesWithTheReferenceOnUnits(t *testing.T) {
	for _, docs := range [][]dupCase{unitsLevelsCases, unitsChangesCases, unitsItemCases} {
		for _, c := range docs {
			agreesWithReference(t, "p.json", []byte(c.doc), Options{})
		}
	}
}
