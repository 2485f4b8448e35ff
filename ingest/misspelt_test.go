package ingest

import (
	"strings"
	"testing"
)

// A column or JSON key that misspells one plancast reads is refused at its
// place, naming the one meant: left out, it would drop what it holds (a
// figure whose "publised" date is lost is stored as today's vintage).
// Columns and keys plancast does not read and that misspell nothing are
// still left out, as yearbook sheets and other systems' exports need.
func TestAMisspeltColumnOrKeyIsRefusedNamingTheOneMeant(t *testing.T) {
	for _, c := range []struct{ name, content, want string }{
		{"f.csv", "region,indicator,year,value,publised\nhouma,gdp,2021,130,2022-03-01\n",
			`f.csv row 1 column E: the column "publised" is not one plancast reads; did you mean "published"?`},
		{"f.csv", "Region,Indicator,Year,Value,Growth_Bsae_Year\nhouma,gdp,2021,130,2019\n",
			`f.csv row 1 column E: the column "Growth_Bsae_Year" is not one plancast reads; did you mean "growth_base_year"?`},
		{"t.csv", "region,indicator,plan,kind,year,valeu\nhouma,gdp,14th-fyp,level,2025,250\n",
			`t.csv row 1 column F: the column "valeu" is not one plancast reads; did you mean "value"?`},
		{"f.json", `[{"region": "houma", "indicator": "gdp", "year": 2021, "value": 130, "publised": "2022-03-01"}]`,
			`f.json line 1 (publised): "publised" is not a field plancast reads; did you mean "published"?`},
		{"f.json", "{\"region\": \"houma\", \"indicator\": \"gdp\",\n \"observatons\": [{\"year\": 2021, \"value\": 130}]}",
			`f.json line 2 (observatons): "observatons" is not a field plancast reads; did you mean "observations"?`},
		{"f.json", "{\"targets\": [\n{\"region\": \"houma\", \"indicator\": \"gdp\", \"plan\": \"14th-fyp\", \"kind\": \"level\", \"year\": 2025, \"value\": 250, \"Bnding\": true}]}",
			`f.json line 2 (Bnding): "Bnding" is not a field plancast reads; did you mean "binding"?`},
	} {
		b := parseString(t, c.name, c.content, Options{})
		got := problemTexts(b.Problems)
		if len(got) != 1 || !strings.HasPrefix(got[0], c.want) || len(b.Observations)+len(b.Targets) != 0 {
			t.Errorf("%s %q: problems %q, %d figures, %d targets; want only %q", c.name, c.content, got, len(b.Observations), len(b.Targets), c.want)
		}
	}
}

func TestColumnsAndKeysThatMisspellNothingAreLeftOut(t *testing.T) {
	for _, c := range []struct{ name, content string }{
		{"f.csv", "序号,region,indicator,year,value,remarks,id\n1,houma,gdp,2021,130,checked,77\n"},
		{"f.csv", "地区,指标,年末,年份,数值\n侯马市,地区生产总值,x,2021,130\n"},
		{"f.json", `[{"region": "houma", "indicator": "gdp", "year": 2021, "value": 130, "remarks": "checked", "id": 77}]`},
		{"f.json", `{"region": "houma", "indicator": "gdp", "exported_by": "bureau system", "observations": [{"Year": 2021, "VALUE": 130}]}`},
	} {
		b := parseString(t, c.name, c.content, Options{})
		noProblems(t, b)
		if len(b.Observations) != 1 || b.Observations[0].Value != 130 || b.Observations[0].Year != 2021 {
			t.Errorf("%s %q: read %+v; want houma gdp 2021 = 130", c.name, c.content, b.Observations)
		}
	}
}
