package report

import (
	"fmt"
	"strings"
	"testing"
)

// read extracts from text written for a test, for region "testcity".
func read(t *testing.T, text string, year int) *Extraction {
	t.Helper()
	ex, err := Extract([]byte(text), Options{Region: "testcity", Year: year, Document: t.Name()})
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// obs returns the observation of the indicator, year and period, failing the
// test when there is none or more than one.
func obs(t *testing.T, ex *Extraction, indicator string, year int, period string) Candidate {
	t.Helper()
	var found []Candidate
	for _, c := range ex.Observations {
		if c.Indicator == indicator && c.Year == year && c.Period == period {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one %s %d %s observation, got %d in:\n%s", indicator, year, period, len(found), dump(ex))
	}
	return found[0]
}

// target returns the target of the indicator, plan and kind.
func target(t *testing.T, ex *Extraction, indicator, plan, kind string) TargetCandidate {
	t.Helper()
	var found []TargetCandidate
	for _, c := range ex.Targets {
		if c.Indicator == indicator && c.Plan == plan && c.Kind == kind {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one %s %s %s target, got %d in:\n%s", indicator, plan, kind, len(found), dump(ex))
	}
	return found[0]
}

// stated returns the candidates that are neither derived nor targets.
func stated(ex *Extraction) []Candidate {
	var out []Candidate
	for _, c := range ex.Observations {
		if !c.Derived {
			out = append(out, c)
		}
	}
	return out
}

func dump(ex *Extraction) string {
	var b strings.Builder
	for _, c := range ex.Observations {
		fmt.Fprintf(&b, "  obs %s %d %s = %g %s growth=%v conf=%.2f review=%v derived=%v repaired=%v %q\n", c.Indicator, c.Year, c.Period, c.Value, c.Unit, deref(c.Growth), c.Confidence, c.NeedsReview, c.Derived, c.Repaired, c.Original)
	}
	for _, c := range ex.Targets {
		fmt.Fprintf(&b, "  target %s %s %s %d = %g %s base=%d conf=%.2f review=%v %q\n", c.Indicator, c.Plan, c.Kind, c.Year, c.Value, c.Unit, c.BaseYear, c.Confidence, c.NeedsReview, c.Original)
	}
	return b.String()
}

func wantValue(t *testing.T, what string, got, want float64) {
	t.Helper()
	if !near(got, want) {
		t.Errorf("%s = %g, want %g", what, got, want)
	}
}

func wantGrowth(t *testing.T, c Candidate, want float64, kind string) {
	t.Helper()
	if c.Growth == nil || !near(*c.Growth, want) || c.GrowthKind != kind {
		t.Errorf("%s %d growth = %v (%s), want %g (%s)", c.Indicator, c.Year, deref(c.Growth), c.GrowthKind, want, kind)
	}
}

func wantAccepted(t *testing.T, ex *Extraction, p Provenance, what string) {
	t.Helper()
	if !p.accepted(ex.Threshold) {
		t.Errorf("%s not accepted: confidence %.2f, review %v, reasons %v", what, p.Confidence, p.NeedsReview, p.Reasons)
	}
}
