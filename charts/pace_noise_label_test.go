package charts

import "testing"

// A level target's label writes the points a year it needs as the
// explanation does: the user test's urbanization rate needs 0.005 points
// a year, as the history ran, computed as 0.004999999999999005 and
// 0.005000000000000782; the label read "needs +0.00 points a year".
func TestATargetLabelNeverWritesARequiredPaceAsZero(t *testing.T) {
	figures := []float64{55.00, 55.02, 55.03}
	req, hist := (figures[2]-figures[1])/2, (figures[1]-figures[0])/4
	if got, want := needsPointsText(req, hist, LangEn), ", needs +0.01 points a year"; got != want {
		t.Errorf("label %q, want %q", got, want)
	}
	if got, want := needsPointsText(req, hist, LangZh), "，需年均提高0.01个百分点"; got != want {
		t.Errorf("label %q, want %q", got, want)
	}
	if got, want := needsPointsText(0.004, hist, LangEn), ", needs +0.004 points a year"; got != want {
		t.Errorf("label %q, want %q", got, want)
	}
}
