package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/seed"
)

// seedAdvice is what a push is told of an indicator of the demo catalog
// that the store's catalog lacks.
const seedAdvice = `is not in the catalog: add it with plancast seed (which adds the demo catalog's indicators and leaves what is stored as it is), or declare it in a catalog's indicators`

// A store started without plancast seed, holding only its own regions,
// refuses every indicator of the demo catalog alike, by its code, its
// English name or its Chinese name: each is named as the demo catalog's
// indicator it is, with the advice to add it with plancast seed. Only ten
// of the eighteen (those with names of their own in indicatorAliases) had
// the advice; secondary_industry_share, new_urban_jobs, fiscal_revenue, …
// were refused as plain "unknown".
func TestEveryDemoIndicatorOutsideTheCatalogIsToldToComeFromSeed(t *testing.T) {
	inds, err := seed.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	if len(inds) < 18 {
		t.Fatalf("the demo catalog has %d indicators, want its 18", len(inds))
	}
	var csv strings.Builder
	csv.WriteString("region,indicator,year,value\n")
	var want []string
	row := 1
	for _, ind := range inds {
		for _, name := range []string{ind.Code, ind.Name, ind.NameZh} {
			row++
			fmt.Fprintf(&csv, "qinshui,%q,2024,1\n", name)
			what := fmt.Sprintf("%q is %s, which", name, ind.Code)
			if name == ind.Code {
				what = fmt.Sprintf("%q", name)
			}
			want = append(want, fmt.Sprintf("own.csv row %d column B (indicator): indicator %s %s", row, what, seedAdvice))
		}
	}
	own := Catalog{Regions: []plancast.Region{{Code: "qinshui", Name: "Qinshui County", Level: plancast.LevelCounty}}}
	b, err := Parse("own.csv", "", strings.NewReader(csv.String()), own, Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	if got := problemTexts(b.Problems); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A name nobody declared is still unknown, with the nearest known name
// when one is near, and no word of plancast seed.
func TestANameOutsideTheDemoCatalogIsUnknown(t *testing.T) {
	own := Catalog{Regions: []plancast.Region{{Code: "qinshui", Name: "Qinshui County", Level: plancast.LevelCounty}}}
	b, err := Parse("own.csv", "", strings.NewReader("region,indicator,year,value\nqinshui,城市污水处理率,2024,99\n"), own, Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	want := `own.csv row 2 column B (indicator): indicator "城市污水处理率" is unknown`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
}

// A store whose catalog has a demo indicator under names of its own reads
// it by the demo catalog's names too, as it does by the other names tables
// give the demo indicators: such a name is no indicator "not in the
// catalog".
func TestADemoIndicatorDeclaredWithOtherNamesIsFoundByTheDemoNames(t *testing.T) {
	own := Catalog{
		Regions: []plancast.Region{{Code: "qinshui", Name: "Qinshui County", Level: plancast.LevelCounty}},
		Indicators: []plancast.Indicator{{Code: "secondary_industry_share", NameZh: "二产占比",
			Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}},
	}
	b, err := Parse("own.csv", "", strings.NewReader("region,indicator,year,value\nqinshui,第二产业占GDP比重,2024,61.2\nqinshui,二产占比,2023,60.8\n"), own, Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "qinshui", indicator: "secondary_industry_share", year: 2024, value: 61.2},
		{region: "qinshui", indicator: "secondary_industry_share", year: 2023, value: 60.8},
	})
}

// The other names of the demo indicators (indicatorAliases) are of the
// demo catalog's indicators, and no name is two indicators': the advice
// names the one it is.
func TestTheBuiltinNamesAreTheDemoCatalogs(t *testing.T) {
	inds, err := seed.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	demo := map[string]bool{}
	for _, ind := range inds {
		demo[ind.Code] = true
	}
	for code := range indicatorAliases {
		if !demo[code] {
			t.Errorf("indicatorAliases names %s, which is not an indicator of the demo catalog (seed.json)", code)
		}
	}
	seen := map[string]string{}
	for code, names := range builtinNames() {
		for _, n := range names {
			k := fold(n)
			if other, ok := seen[k]; ok && other != code {
				t.Errorf("the name %q is both %s's and %s's", n, code, other)
			}
			seen[k] = code
		}
	}
}
