package ingest

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A unit cell reads every spelling of a unit the downloads write: a unit
// code starting with a digit (100m_kwh, as the series download writes it),
// and, for a unit plancast has no label for, the code with spaces for its
// underscores (charts.UnitLabel's "tce per 10k yuan") when an indicator of
// the catalog is measured in it. Words that name no unit of the catalog
// stay refused.
func TestAUnitCellReadsTheLabelsTheDownloadsWrite(t *testing.T) {
	cat := seedCatalog(t)
	cat.Indicators = append(cat.Indicators, plancast.Indicator{Code: "energy_intensity", Name: "Energy intensity", NameZh: "万元地区生产总值能耗",
		Unit: "tce_per_10k_yuan", Kind: plancast.KindLevel, Better: plancast.BetterLower})
	for _, c := range []struct{ indicator, unit string }{
		{"electricity_sales", "100m_kwh"},
		{"natural_gas_output", "100m_m3"},
		{"crude_oil_output", "10k_tons"},
		{"energy_intensity", "tce_per_10k_yuan"},
		{"energy_intensity", "tce per 10k yuan"},
		{"energy_intensity", "TCE  per 10k yuan"},
	} {
		b, err := Parse("u.csv", "", strings.NewReader("region,indicator,year,value,unit\nhouma,"+c.indicator+",2020,0.5,"+c.unit+"\n"), cat, Options{Published: pushDate})
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Problems) > 0 || len(b.Observations) != 1 || b.Observations[0].Value != 0.5 {
			t.Errorf("%s in %q: problems %q, figures %v; want 0.5 read", c.indicator, c.unit, problemTexts(b.Problems), b.Observations)
		}
	}
	for _, unit := range []string{"current prices", "tce per 10k kwh"} {
		b, err := Parse("u.csv", "", strings.NewReader("region,indicator,year,value,unit\nhouma,energy_intensity,2020,0.5,"+unit+"\n"), cat, Options{Published: pushDate})
		if err != nil {
			t.Fatal(err)
		}
		if texts := problemTexts(b.Problems); len(texts) != 1 || !strings.Contains(texts[0], "u.csv row 2 column E (unit): unit \""+unit+"\" is not a known unit") {
			t.Errorf("%q: problems %q; want it not a known unit", unit, texts)
		}
	}
}
