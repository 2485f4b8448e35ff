// Package report reads figures and targets out of the text of Chinese
// government reports (政府工作报告, 统计公报, work summaries) and of their
// English translations, garbled units included.
//
// A reading gives candidates, never silent facts: each carries the sentence it
// was read from with its byte offsets in the input, a confidence with its
// reasons, and flags for what was repaired (a garbled unit resolved with the
// growth rate stated beside it), derived (a level the text implies but does
// not state) or needs review (a figure the reader could not settle). Only
// candidates at or above the threshold that need no review are Accepted.
package report

import (
	"github.com/plancast/plancast"
)

// DefaultThreshold is the confidence at or above which a candidate needing no
// review is accepted.
const DefaultThreshold = 0.6

// Options say what is being read.
type Options struct {
	Region   string // region code the report is about, e.g. "houma" (required)
	Year     int    // the report's year; 0 = infer from the text
	Document string // name for Source.Document
	// Indicators is the catalog for units; nil means the built-in defaults. A
	// figure for an indicator outside a given catalog is flagged for review.
	Indicators []plancast.Indicator
	Threshold  float64 // 0 = DefaultThreshold
	// Charset is the character set the caller declares for the text (an
	// HTTP charset parameter, a label such as "gbk" or "utf-16le"); "" to
	// find it from a byte-order mark, an HTML meta tag or the bytes.
	Charset string
}

// Extraction is what a report reading gives.
type Extraction struct {
	Year         int               `json:"year"`          // the report's year
	YearReason   string            `json:"year_reason"`   // why that year
	Kind         string            `json:"document_kind"` // work_report, communique, summary, plan or other
	Observations []Candidate       `json:"observations"`
	Targets      []TargetCandidate `json:"targets"`
	// Unread are the figures the text states that the reader could not
	// attribute to any indicator of the catalog: listed for review, not
	// dropped silently.
	Unread    []Unread `json:"unread"`
	Threshold float64  `json:"threshold"`
	// Charset is the character set the text was read in ("utf-8",
	// "gb18030", "utf-16le", …), and CharsetReason why: a byte-order mark,
	// a declaration, the bytes, and any bytes of a UTF-8 text that were
	// not UTF-8. Not in the API's answer until its document names them.
	Charset       string `json:"-"`
	CharsetReason string `json:"-"`
}

// Provenance says where a candidate comes from and how sure the reading is.
type Provenance struct {
	Unit          string   `json:"unit"`           // unit of Value
	Sentence      string   `json:"sentence"`       // the sentence as in the input (decoded to UTF-8 from the input's character set)
	Start         int      `json:"start"`          // byte offset of the sentence in the input (in its character set)
	End           int      `json:"end"`            // byte offset just past it
	Original      string   `json:"original"`       // the figure as written, e.g. "88.900 million yuan"
	OriginalStart int      `json:"original_start"` // byte offsets of the figure as written in the input
	OriginalEnd   int      `json:"original_end"`
	Confidence    float64  `json:"confidence"`            // 0..1
	Reasons       []string `json:"reasons"`               // why this reading, and what lowers confidence
	Repaired      bool     `json:"repaired"`              // a garbled unit was repaired
	Derived       bool     `json:"derived"`               // implied by the text, not stated
	NeedsReview   bool     `json:"needs_review"`          // the reader could not settle it
	GrowthKind    string   `json:"growth_kind,omitempty"` // of the stated growth (Observation.Growth): "yoy" or "avg_annual"
	Bound         string   `json:"bound,omitempty"`       // "at_least", "at_most" or "about" as the text says
}

// Unread is a figure (a number with its unit) the reader found in the text
// but could not attribute to an indicator of the catalog: one whose clause
// names none (城镇化率 when the catalog has no such indicator), or one the
// text gives to a quantity that is none (第三产业增加值, 人均地区生产总值).
type Unread struct {
	Sentence      string `json:"sentence"`       // the sentence as in the input (decoded to UTF-8)
	Start         int    `json:"start"`          // byte offset of the sentence in the input
	End           int    `json:"end"`            // byte offset just past it
	Original      string `json:"original"`       // the figure as written, e.g. "56.3%"
	OriginalStart int    `json:"original_start"` // byte offsets of the figure in the input
	OriginalEnd   int    `json:"original_end"`
	// Name is the quantity the text gives the figure to, which is no
	// indicator of the catalog ("第三产业增加值"); "" when it names none.
	Name   string `json:"name,omitempty"`
	Reason string `json:"reason"` // why it was not read
}

// Candidate is a candidate observation.
type Candidate struct {
	plancast.Observation
	Provenance
}

// TargetCandidate is a candidate target.
type TargetCandidate struct {
	plancast.Target
	Provenance
}

// Accepted returns the candidates at or above the threshold that need no
// review, as plain observations and targets, ready for the validated ingest
// path.
func (e *Extraction) Accepted() ([]plancast.Observation, []plancast.Target) {
	var obs []plancast.Observation
	var ts []plancast.Target
	for _, c := range e.Observations {
		if c.accepted(e.Threshold) {
			obs = append(obs, c.Observation)
		}
	}
	for _, c := range e.Targets {
		if c.accepted(e.Threshold) {
			ts = append(ts, c.Target)
		}
	}
	return obs, ts
}

func (p *Provenance) accepted(threshold float64) bool {
	return !p.NeedsReview && p.Confidence >= threshold
}
