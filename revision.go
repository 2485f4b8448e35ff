package plancast

import (
	"math"
	"strconv"
	"strings"
)

// The revision history of a series: how each year's figure moved from its
// first release to the figure served now. Bureaus revise their figures
// (preliminary to final, and after each economic census), and a planner who
// defends a projection must know how far the latest years may still move.
//
// The summary measures are those of revision analysis (the OECD's revisions
// database, Aruoba 2008), over the years that have a first release other
// than zero and a figure served now, the unrevised ones counting as zero:
//
//	revision_i       = (latest_i − first_i) / |first_i|
//	mean revision    MR  = Σ revision_i / n       (its sign is the bias of first releases)
//	mean |revision|  MAR = Σ |revision_i| / n     (how far a first release moves)
//
// A release is a vintage some answer as of a date reads. A vintage replaced
// by a later one of the same published date (a same-day correction: the
// store serves the later recorded of a day's vintages, and the push's note
// says the correction replaced it) is read by no answer as of any date, so
// it is not a release: it is set apart (CorrectedSameDay), and neither the
// first release, the change nor MR and MAR count it. A clerk's keying slip
// corrected minutes later (152.3 for 152.8) was the year's first release,
// and the correction a revision of +0.33%: Houma's GDP read MR +0.11% where
// no published figure was ever revised.

// YearRevisions is one year's figure through its vintages.
type YearRevisions struct {
	Year int `json:"year"`
	// Vintages are the year's releases, oldest first; a withdrawal is a
	// vintage too.
	Vintages []Observation `json:"vintages"`
	// CorrectedSameDay are the vintages replaced by a correction published
	// the same day, oldest first: no answer as of any date reads them, so
	// they are not releases and count in neither First nor Revision.
	CorrectedSameDay []Observation `json:"corrected_same_day,omitempty"`
	First            float64       `json:"first"` // the value of the first release
	// Latest is the figure served now (as of the history's date); nil when
	// the figure is withdrawn.
	Latest *float64 `json:"latest"`
	// Revision is (Latest − First) / |First|, a fraction; nil when the
	// figure is withdrawn or the first release is zero.
	Revision *float64 `json:"revision"`
}

// RevisionSummary sums up how a series' figures were revised.
type RevisionSummary struct {
	Years   int `json:"years"`   // years with a revision measured: a first release other than zero and a figure served now
	Revised int `json:"revised"` // of those, the years whose value changed
	// MeanRevision (MR) and MeanAbsRevision (MAR) are fractions over Years;
	// nil when Years is 0.
	MeanRevision    *float64 `json:"mean_revision"`
	MeanAbsRevision *float64 `json:"mean_abs_revision"`
}

// Revisions groups a series' vintages by year, as Vintages returns them
// (by year, oldest vintage first within a year), and measures each year's
// revision from its first release.
func Revisions(vintages []Observation) ([]YearRevisions, RevisionSummary) {
	var years []YearRevisions
	for i := 0; i < len(vintages); {
		j := i
		for j < len(vintages) && vintages[j].Year == vintages[i].Year {
			j++
		}
		years = append(years, yearRevisions(vintages[i:j]))
		i = j
	}
	var sum RevisionSummary
	var total, totalAbs float64
	for _, y := range years {
		if y.Revision == nil {
			continue
		}
		sum.Years++
		if *y.Latest != y.First {
			sum.Revised++
		}
		total += *y.Revision
		totalAbs += math.Abs(*y.Revision)
	}
	if sum.Years > 0 {
		mr, mar := total/float64(sum.Years), totalAbs/float64(sum.Years)
		sum.MeanRevision, sum.MeanAbsRevision = &mr, &mar
	}
	return years, sum
}

// yearRevisions measures one year's vintages, oldest first (by published
// date, then recorded time: Vintages' order).
func yearRevisions(all []Observation) YearRevisions {
	y := YearRevisions{Year: all[0].Year}
	for i := range all {
		if i+1 < len(all) && all[i+1].Published.Equal(all[i].Published) {
			y.CorrectedSameDay = append(y.CorrectedSameDay, all[i])
		} else {
			y.Vintages = append(y.Vintages, all[i])
		}
	}
	vs := y.Vintages
	first := -1
	for i := range vs {
		if !vs[i].Withdrawn() {
			first = i
			break
		}
	}
	if first < 0 {
		return y // only withdrawals: nothing was ever served
	}
	y.First = vs[first].Value
	last := vs[len(vs)-1]
	if last.Withdrawn() {
		return y
	}
	latest := last.Value
	y.Latest = &latest
	y.Revision = y.RevisionOf(latest)
	return y
}

// RevisionOf is the revision of value v of this year from its first
// release, (v − First) / |First|; nil when the first release is zero.
func (y *YearRevisions) RevisionOf(v float64) *float64 {
	if y.First == 0 {
		return nil
	}
	r := (v - y.First) / math.Abs(y.First)
	return &r
}

// Change is how vintage i of the year moved from the last vintage served
// before it (withdrawals skipped), with the decimals (Decimals) that show
// both figures; ok is false for the first release and for a withdrawal.
//
// The change is the difference taken to the decimals the two figures are
// written with (ownDecimals), where it is exact: 218.9 − 216.8 is 2.1, not
// the 2.0999999999999943 of binary floating point, which the revisions
// download wrote into its change column (CSV and XLSX alike).
func (y *YearRevisions) Change(i int) (change float64, prec int, ok bool) {
	if y.Vintages[i].Withdrawn() {
		return 0, 0, false
	}
	for j := i - 1; j >= 0; j-- {
		if prev := y.Vintages[j]; !prev.Withdrawn() {
			v := y.Vintages[i].Value
			return roundTo(v-prev.Value, max(ownDecimals(v), ownDecimals(prev.Value))), max(Decimals(v), Decimals(prev.Value)), true
		}
	}
	return 0, 0, false
}

// ownDecimals is how many decimals write v as it was given, in its
// shortest decimal form: 250 → 0, 120.8 → 1, 0.785 → 3 (Decimals stops at
// 2, the most a figure is shown with).
func ownDecimals(v float64) int {
	_, frac, _ := strings.Cut(strconv.FormatFloat(v, 'f', -1, 64), ".")
	return len(frac)
}

// roundTo is v rounded to prec decimals: the float nearest the decimal.
func roundTo(v float64, prec int) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'f', prec, 64), 64)
	if err != nil || r == 0 {
		return 0 // no −0
	}
	return r
}

// VintagesAsOf keeps the vintages published on or before asOf (all of them
// when asOf is zero): the history as it was known then.
func VintagesAsOf(vintages []Observation, asOf Date) []Observation {
	if asOf.IsZero() {
		return vintages
	}
	out := make([]Observation, 0, len(vintages))
	for _, o := range vintages {
		if !o.Published.After(asOf) {
			out = append(out, o)
		}
	}
	return out
}
