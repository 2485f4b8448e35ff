package plancast

import (
	"fmt"
	"math"
	"strconv"
)

// The sentences a write says of an item kept as history, or of one that
// replaced a stored version of its own day (WriteSaid): what the item is,
// what it was compared with, and what is served.

// saidFigureName is a figure's series and year: "yunhe gdp 2024", "houma gdp
// 2021 h1".
func saidFigureName(o *Observation) string {
	if o.Period == PeriodYear || o.Period == "" {
		return fmt.Sprintf("%s %s %d", o.Region, o.Indicator, o.Year)
	}
	return fmt.Sprintf("%s %s %d %s", o.Region, o.Indicator, o.Year, o.Period)
}

// vintageValue is a vintage's figure: its value, its stated growth and,
// when not final, its status ("120.8 (preliminary)"); "a withdrawal".
func vintageValue(o *Observation) string {
	if o.Withdrawn() {
		return "a withdrawal"
	}
	s := PlainNumber(o.Value)
	if g := FormatStatedGrowth(*o, false); g != "" {
		s += ", growth " + g
	}
	if o.Status != StatusFinal && o.Status != "" {
		s += " (" + o.Status + ")"
	}
	return s
}

// PlainNumber writes a figure as a table holds it, without an exponent:
// 4146000, not 4.146e+06 (the note of a same-day correction named the slip
// it corrected so); one of 1e15 or more, or under 1e-6 (not 0), as
// FormatNumber writes it, in e-notation, not with hundreds of digits (a
// figure of 1e308 was written with its 309 digits into the message that
// refused it). The notes of a push and ingest's problems write figures so.
func PlainNumber(v float64) string {
	if a := math.Abs(v); a >= 1e15 || a != 0 && a < 1e-6 {
		return FormatNumber(v, -1)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// figureKeptText: "yunhe fixed_asset_investment 2024: 113.5 (published
// 2026-11-21) is kept as an earlier vintage; the served figure stays 113.2
// (published 2026-11-23)".
func figureKeptText(o, cur *Observation, d Date) string {
	served := fmt.Sprintf("the served figure stays %s (published %s)", vintageValue(cur), cur.Published)
	if cur.Withdrawn() {
		served = fmt.Sprintf("the figure stays withdrawn (withdrawn on %s)", cur.Published)
	}
	return fmt.Sprintf("%s: %s (published %s) is kept as an earlier vintage; %s", saidFigureName(o), vintageValue(o), d, served)
}

// figureReplacedText: "yunhe gdp 2025: 244.1 (published 2026-11-20)
// replaced the vintage of the same day (243.6); an answer as of that day
// or later now reads 244.1".
func figureReplacedText(o, cur *Observation, d Date) string {
	reads := vintageValue(o)
	if o.Withdrawn() {
		reads = "no figure (withdrawn)"
	}
	return fmt.Sprintf("%s: %s (published %s) replaced the vintage of the same day (%s); an answer as of that day or later now reads %s",
		saidFigureName(o), vintageValue(o), d, vintageValue(cur), reads)
}

// figureDatedText: "houma gdp 2024: 152.8 (published 2025-03-20) is kept
// as an earlier vintage of the figure served since 2026-11-23".
func figureDatedText(o, cur *Observation, d Date) string {
	return fmt.Sprintf("%s: %s (published %s) is kept as an earlier vintage of the figure served since %s", saidFigureName(o), vintageValue(o), d, cur.Published)
}

// saidTargetName is a target's key: "yunhe budget_revenue 15th-fyp level 2030".
func saidTargetName(t *Target) string {
	return fmt.Sprintf("%s %s %s %s %d", t.Region, t.Indicator, t.Plan, t.Kind, t.Year)
}

// TargetSubstance is what a version of a target says beside another: its
// value, and its base year and whether it binds where those differ from the
// other version's ("230", "230 from base year 2019, binding"), as SameTarget
// compares them. The store's notes and ingest's problems both word it so.
func TargetSubstance(t, other *Target) string {
	s := PlainNumber(t.Value)
	if t.BaseYear != other.BaseYear && t.BaseYear != 0 {
		s += fmt.Sprintf(" from base year %d", t.BaseYear)
	}
	if t.Binding != other.Binding {
		if t.Binding {
			s += ", binding"
		} else {
			s += ", expected"
		}
	}
	return s
}

// targetKeptText: "yunhe budget_revenue 15th-fyp level 2030: 16 (set
// 2025-12-01) is kept as an earlier version; the version in force stays 17
// (set 2026-01-15)".
func targetKeptText(t, prev *Target, d Date) string {
	return fmt.Sprintf("%s: %s (set %s) is kept as an earlier version; the version in force stays %s (set %s)",
		saidTargetName(t), TargetSubstance(t, prev), d, TargetSubstance(prev, t), prev.Published)
}

// targetReplacedText: "yunhe budget_revenue 15th-fyp level 2030: 18 (set
// 2026-01-15) replaced the version of the same day (17); an answer as of
// that day or later now reads 18".
func targetReplacedText(t, prev *Target, d Date) string {
	return fmt.Sprintf("%s: %s (set %s) replaced the version of the same day (%s); an answer as of that day or later now reads %s",
		saidTargetName(t), TargetSubstance(t, prev), d, TargetSubstance(prev, t), TargetSubstance(t, prev))
}
