package api_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// sewageBundle is Qinshui's 城市污水处理率, 96.2 in 2016 to 99.95 in 2025,
// under its natural code sewage_treatment_rate; decl is what its
// declaration adds (`,"percent_of_whole":true`, or nothing).
func sewageBundle(decl string) []byte {
	var b strings.Builder
	b.WriteString(`{"regions":[{"code":"qinshui","name":"Qinshui County","name_zh":"沁水县","level":"county"}],
 "indicators":[{"code":"sewage_treatment_rate","name":"Urban sewage treatment rate","name_zh":"城市污水处理率","unit":"percent","kind":"rate","better":"higher"` + decl + `}],
 "observations":[`)
	for i, v := range []string{"96.2", "97.5", "98.1", "98.9", "99.2", "99.5", "99.7", "99.8", "99.9", "99.95"} {
		if i > 0 {
			b.WriteString(",")
		}
		year := 2016 + i
		b.WriteString(`{"region":"qinshui","indicator":"sewage_treatment_rate","year":` + strconv.Itoa(year) + `,"value":` + v + `,"published":"` + strconv.Itoa(year+1) + `-03-20"}`)
	}
	b.WriteString("]}")
	return []byte(b.String())
}

// A catalog pushed over the API may declare a rate a percentage of a whole
// ("percent_of_whole": true) under any code; the indicators route lists it
// so, on either store, as it lists a share (by its code), and its
// projection stays under 100 as a share's does. Without the declaration
// sewage_treatment_rate was projected at 100.2 to 100.9, its 95% interval
// reaching 123.4.
func TestADeclaredPercentOfWholeIsListedAndProjectedWithinHundred(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			st := seeded(t, b.open(t))
			s := startServer(t, st, api.Config{})
			admin := token(t, st, plancast.Token{Admin: true})
			var push api.PushResponse
			s.do("POST", "/api/v1/observations?filename=sewage.json", "application/json", admin, sewageBundle(`,"percent_of_whole":true`)).decode(t, 200, &push)

			var inds struct{ Indicators []plancast.Indicator }
			s.get("/api/v1/indicators").decode(t, 200, &inds)
			whole := map[string]bool{}
			for _, i := range inds.Indicators {
				whole[i.Code] = i.OfWhole
			}
			for code, want := range map[string]bool{"sewage_treatment_rate": true, "secondary_industry_share": true, "unemployment_rate": true, "gdp": false} {
				if whole[code] != want {
					t.Errorf("GET /api/v1/indicators: %s percent_of_whole %v, want %v", code, whole[code], want)
				}
			}

			var p plancast.Projection
			s.get("/api/v1/series/qinshui/sewage_treatment_rate/projection?horizon=5").decode(t, 200, &p)
			if len(p.Points) != 5 {
				t.Fatalf("%d points, want 5", len(p.Points))
			}
			for _, pt := range p.Points {
				if pt.Mean >= 100 || pt.Hi80 >= 100 || pt.Hi95 >= 100 {
					t.Errorf("%d: %+v reaches 100", pt.Year, pt)
				}
			}
		})
	}
}

// A share is listed as a percentage of a whole by its code, also when its
// declaration (one made before the field) does not say so; and declaring
// it so, as listed, changes nothing: a bureau's token (not an admin's) may
// push the listed declaration back as it is.
func TestAShareIsListedAsAPercentOfWholeAndGoesBackAsListed(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	stored, err := st.Indicators(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range stored {
		if i.Code == "emerging_industry_share" {
			i.OfWhole = false // as a catalog declared before the field
			if err := st.PutIndicators(t.Context(), []plancast.Indicator{i}); err != nil {
				t.Fatal(err)
			}
		}
	}
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	var inds struct{ Indicators []plancast.Indicator }
	s.get("/api/v1/indicators").decode(t, 200, &inds)
	var share plancast.Indicator
	for _, i := range inds.Indicators {
		if i.Code == "emerging_industry_share" {
			share = i
		}
	}
	if !share.OfWhole {
		t.Fatalf("emerging_industry_share is listed %+v, want percent_of_whole", share)
	}
	body := `{"indicators":[{"code":"emerging_industry_share","name":"` + share.Name + `","name_zh":"` + share.NameZh +
		`","unit":"percent","kind":"rate","better":"higher","percent_of_whole":true}]}`
	var push api.PushResponse
	s.do("POST", "/api/v1/observations?filename=catalog.json", "application/json", houma, []byte(body)).decode(t, 200, &push)
}

// Over the API, on either store: a push declaring sewage_treatment_rate
// without percent_of_whole is taken with a note saying how to declare it
// one; declaring it so while a figure of 100.5 is stored is refused, naming
// the figure, and writes nothing.
func TestAPushSaysHowToDeclareAPercentOfWhole(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			st := b.open(t)
			s := startServer(t, st, api.Config{})
			admin := token(t, st, plancast.Token{Admin: true})
			over := strings.Replace(string(sewageBundle("")), `"value":99.95`, `"value":100.5`, 1)
			var push api.PushResponse
			s.do("POST", "/api/v1/observations?filename=sewage.json", "application/json", admin, []byte(over)).decode(t, 200, &push)
			if len(push.Report.Notes) != 1 || !strings.Contains(push.Report.Notes[0], `sewage.json line 2 (indicators): sewage_treatment_rate (城市污水处理率) is a rate in percent whose name reads like a part of a whole`) ||
				!strings.Contains(push.Report.Notes[0], `add "percent_of_whole": true to the declaration`) {
				t.Errorf("notes %q, want one saying how to declare sewage_treatment_rate a percent of a whole", push.Report.Notes)
			}

			decl := `{"indicators":[{"code":"sewage_treatment_rate","name_zh":"城市污水处理率","unit":"percent","kind":"rate","better":"higher","percent_of_whole":true}]}`
			msg := s.do("POST", "/api/v1/observations?filename=catalog.json", "application/json", admin, []byte(decl)).wantError(t, 400, plancast.EINVALID)
			if !strings.Contains(msg, "sewage_treatment_rate cannot be declared percent_of_whole while the store holds figures of it outside 0–100: qinshui 2025 is 100.5") {
				t.Errorf("refused with %q, want the 2025 figure of 100.5 named", msg)
			}
			var inds struct{ Indicators []plancast.Indicator }
			s.get("/api/v1/indicators").decode(t, 200, &inds)
			for _, i := range inds.Indicators {
				if i.Code == "sewage_treatment_rate" && i.OfWhole {
					t.Errorf("the refused declaration was written: %+v", i)
				}
			}
		})
	}
}
