package plancast

// Bundle is a self-contained push: catalog declarations, figures and targets.
// The seed dataset (seed/seed.json) and JSON pushes use this shape; every list
// is optional.
type Bundle struct {
	Regions      []Region      `json:"regions,omitempty"`
	Indicators   []Indicator   `json:"indicators,omitempty"`
	Observations []Observation `json:"observations,omitempty"`
	Targets      []Target      `json:"targets,omitempty"`
}
