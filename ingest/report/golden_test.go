package report

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The golden test reads the five reference reports (copied from
// shared/reports into testdata/reports) and compares the reading with the
// list in testdata/expected.json, written by hand from the reports' README.

type expectedFile struct {
	File         string           `json:"file"`
	Region       string           `json:"region"`
	Year         int              `json:"year"`
	Observations []expectedFigure `json:"observations"`
	Targets      []expectedFigure `json:"targets"`
	NotNumeric   []string         `json:"not_numeric"`
}

type expectedFigure struct {
	Indicator   string   `json:"indicator"`
	Year        int      `json:"year"`
	Period      string   `json:"period"`
	Plan        string   `json:"plan"`
	Kind        string   `json:"kind"`
	Value       float64  `json:"value"`
	Unit        string   `json:"unit"`
	Growth      *float64 `json:"growth"`
	Status      string   `json:"status"` // checked when given: the README says "expected values" of Guyang's
	Repaired    bool     `json:"repaired"`
	Derived     bool     `json:"derived"`
	NeedsReview bool     `json:"needs_review"`
}

func loadExpected(t *testing.T) []expectedFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Files []expectedFile `json:"files"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Files
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

func (e expectedFigure) matchesObservation(c Candidate) bool {
	return c.Indicator == e.Indicator && c.Year == e.Year && c.Period == e.Period && c.Unit == e.Unit && near(c.Value, e.Value)
}

func (e expectedFigure) matchesTarget(c TargetCandidate) bool {
	return c.Indicator == e.Indicator && c.Year == e.Year && c.Plan == e.Plan && c.Kind == e.Kind && c.Unit == e.Unit && near(c.Value, e.Value)
}

func TestGoldenReports(t *testing.T) {
	var found, expected, accepted, acceptedRight, all, allRight int
	for _, ef := range loadExpected(t) {
		t.Run(ef.File, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join("testdata", "reports", ef.File))
			if err != nil {
				t.Fatal(err)
			}
			ex, err := Extract(text, Options{Region: ef.Region, Document: ef.File})
			if err != nil {
				t.Fatal(err)
			}
			if ef.Year != 0 && ex.Year != ef.Year {
				t.Errorf("report year %d (%s), want %d", ex.Year, ex.YearReason, ef.Year)
			}
			// Recall: every figure and target of the README is a candidate,
			// with the right value, unit, year, period or plan and kind.
			for _, e := range ef.Observations {
				expected++
				i := indexOf(ex.Observations, e.matchesObservation)
				if i < 0 {
					t.Errorf("missing observation %s %d %s = %g %s", e.Indicator, e.Year, e.Period, e.Value, e.Unit)
					continue
				}
				found++
				c := ex.Observations[i]
				if c.Region != ef.Region {
					t.Errorf("%s %d: region %q, want %q", e.Indicator, e.Year, c.Region, ef.Region)
				}
				if e.Growth != nil && (c.Growth == nil || !near(*c.Growth, *e.Growth)) {
					t.Errorf("%s %d: growth %v, want %g", e.Indicator, e.Year, deref(c.Growth), *e.Growth)
				}
				if c.Repaired != e.Repaired || c.Derived != e.Derived || c.NeedsReview != e.NeedsReview {
					t.Errorf("%s %d: repaired/derived/review = %v/%v/%v, want %v/%v/%v (%v)", e.Indicator, e.Year,
						c.Repaired, c.Derived, c.NeedsReview, e.Repaired, e.Derived, e.NeedsReview, c.Reasons)
				}
				if !e.NeedsReview && c.Confidence < ex.Threshold {
					t.Errorf("%s %d: confidence %.2f below the threshold %.2f (%v)", e.Indicator, e.Year, c.Confidence, ex.Threshold, c.Reasons)
				}
				if e.Status != "" && c.Status != e.Status {
					t.Errorf("%s %d %s: status %q, want %q (%v)", e.Indicator, e.Year, c.Period, c.Status, e.Status, c.Reasons)
				}
				if c.Period != "year" && c.Status != "estimate" && c.Status != "preliminary" {
					t.Errorf("%s %d %s: status %q, want estimate or preliminary for a partial year", e.Indicator, e.Year, c.Period, c.Status)
				}
			}
			for _, e := range ef.Targets {
				expected++
				i := indexOf(ex.Targets, e.matchesTarget)
				if i < 0 {
					t.Errorf("missing target %s %s %s %d = %g %s", e.Indicator, e.Plan, e.Kind, e.Year, e.Value, e.Unit)
					continue
				}
				found++
				c := ex.Targets[i]
				if c.NeedsReview || c.Confidence < ex.Threshold {
					t.Errorf("target %s %s: not accepted (confidence %.2f, review %v: %v)", e.Indicator, e.Plan, c.Confidence, c.NeedsReview, c.Reasons)
				}
				if err := c.Target.Validate(); err != nil {
					t.Errorf("target %s %s: %v", e.Indicator, e.Plan, err)
				}
			}
			// Precision: no candidate above the threshold is wrong.
			for _, c := range ex.Observations {
				right := indexOf(ef.Observations, func(e expectedFigure) bool { return e.matchesObservation(c) }) >= 0
				all++
				if right {
					allRight++
				}
				if c.accepted(ex.Threshold) {
					accepted++
					if right {
						acceptedRight++
					} else {
						t.Errorf("wrong candidate above the threshold: %s %d %s = %g %s (%.2f) from %q", c.Indicator, c.Year, c.Period, c.Value, c.Unit, c.Confidence, c.Original)
					}
				}
			}
			for _, c := range ex.Targets {
				right := indexOf(ef.Targets, func(e expectedFigure) bool { return e.matchesTarget(c) }) >= 0
				all++
				if right {
					allRight++
				}
				if c.accepted(ex.Threshold) {
					accepted++
					if right {
						acceptedRight++
					} else {
						t.Errorf("wrong target above the threshold: %s %s %s %d = %g (%.2f) from %q", c.Indicator, c.Plan, c.Kind, c.Year, c.Value, c.Confidence, c.Original)
					}
				}
			}
			if len(ef.Observations)+len(ef.Targets) == 0 && len(ex.Observations)+len(ex.Targets) > 0 {
				t.Errorf("a report without figures gave %d observations and %d targets", len(ex.Observations), len(ex.Targets))
			}
		})
	}
	recall := ratio(found, expected)
	t.Logf("recall %.3f (%d of %d README figures and targets found)", recall, found, expected)
	t.Logf("precision above the threshold %.3f (%d of %d accepted candidates right)", ratio(acceptedRight, accepted), acceptedRight, accepted)
	t.Logf("precision over all candidates %.3f (%d of %d; the rest are derived previous-year levels below the threshold)", ratio(allRight, all), allRight, all)
	if found != expected {
		t.Errorf("recall %.3f, want 1", recall)
	}
	if acceptedRight != accepted {
		t.Errorf("precision above the threshold %.3f, want 1", ratio(acceptedRight, accepted))
	}
}

// The Guyang summary's title says 2019; its content is 2009. The year must
// be visible and correctable.
func TestGuyangYearIsInferredAndCorrectable(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "reports", "002_d351b0a8b68ec0b4.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := Extract(text, Options{Region: "guyang"})
	if err != nil {
		t.Fatal(err)
	}
	if ex.Year != 2009 {
		t.Fatalf("inferred year %d, want 2009 (%s)", ex.Year, ex.YearReason)
	}
	for _, want := range []string{"60th anniversary", "H1N1", "2019"} {
		if !contains(ex.YearReason, want) {
			t.Errorf("year reason %q does not mention %q", ex.YearReason, want)
		}
	}
	ex, err = Extract(text, Options{Region: "guyang", Year: 2019})
	if err != nil {
		t.Fatal(err)
	}
	obs, _ := ex.Accepted()
	if len(obs) == 0 {
		t.Fatal("no accepted observations with the year given")
	}
	for _, o := range obs {
		if o.Year != 2019 || o.Period != "jan-nov" {
			t.Errorf("%s: year %d period %s, want 2019 jan-nov when the caller says 2019", o.Indicator, o.Year, o.Period)
		}
	}
}

func indexOf[T any](xs []T, f func(T) bool) int {
	for i, x := range xs {
		if f(x) {
			return i
		}
	}
	return -1
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
