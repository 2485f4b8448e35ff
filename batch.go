package plancast

import (
	"fmt"
	"strings"
)

// maxListedProblems bounds how many problems one error message lists.
const maxListedProblems = 20

// PrepareObservations is the check every backend runs before writing a batch:
// it returns a copy with defaults filled (period "year", status "final",
// published = today), every observation validated, and exact duplicates
// within the batch dropped. Two observations of the same figure with different
// values or statuses contradict each other: EINVALID. The error lists every
// problem (up to 20), naming the batch position of each.
func PrepareObservations(obs []Observation, today Date) ([]Observation, error) {
	out := make([]Observation, 0, len(obs))
	seen := make(map[FigureKey]int, len(obs)) // figure → index in out
	var problems []string
	for i := range obs {
		o := obs[i]
		o.Normalize()
		if o.Published.IsZero() {
			o.Published = today
		}
		if err := o.Validate(); err != nil {
			problems = append(problems, fmt.Sprintf("item %d: %s", i+1, ErrorMessage(err)))
			continue
		}
		if j, dup := seen[o.Key()]; dup {
			if !SameFigure(&out[j], &o) {
				problems = append(problems, fmt.Sprintf("item %d: %s/%s %d (%s) contradicts an earlier item of the batch (%g vs %g)",
					i+1, o.Region, o.Indicator, o.Year, o.Period, o.Value, out[j].Value))
			}
			continue
		}
		seen[o.Key()] = len(out)
		out = append(out, o)
	}
	if len(problems) > 0 {
		return nil, batchError("observations", problems)
	}
	return out, nil
}

// PrepareTargets validates a batch of targets, dates those without a
// Published date today, and rejects contradicting duplicates.
func PrepareTargets(ts []Target, today Date) ([]Target, error) {
	out := make([]Target, 0, len(ts))
	seen := make(map[TargetKey]int, len(ts))
	var problems []string
	for i := range ts {
		t := ts[i]
		if t.Published.IsZero() {
			t.Published = today
		}
		if err := t.Validate(); err != nil {
			problems = append(problems, fmt.Sprintf("item %d: %s", i+1, ErrorMessage(err)))
			continue
		}
		if j, dup := seen[t.Key()]; dup {
			if out[j].Value != t.Value {
				problems = append(problems, fmt.Sprintf("item %d: target %s/%s %s %s %d contradicts an earlier item of the batch",
					i+1, t.Region, t.Indicator, t.Plan, t.Kind, t.Year))
			}
			continue
		}
		seen[t.Key()] = len(out)
		out = append(out, t)
	}
	if len(problems) > 0 {
		return nil, batchError("targets", problems)
	}
	return out, nil
}

func batchError(what string, problems []string) error {
	n := len(problems)
	if n > maxListedProblems {
		problems = append(problems[:maxListedProblems:maxListedProblems], fmt.Sprintf("… and %d more", n-maxListedProblems))
	}
	return Errorf(EINVALID, "batch of %s rejected, nothing written (%d problems): %s", what, n, strings.Join(problems, "; "))
}
