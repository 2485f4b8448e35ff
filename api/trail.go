package api

import (
	"context"
	"errors"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

// TrailResponse answers GET /api/v1/regions/{region}/assessment/trail: how
// the judgement of each target moved as figures were published and the
// target was set, reviewed or withdrawn.
type TrailResponse struct {
	Region    string        `json:"region"`
	Indicator string        `json:"indicator,omitempty"`
	Plan      string        `json:"plan,omitempty"`
	Targets   []TargetTrail `json:"targets"`
}

// TargetTrail is one target (by key: its value may change along the trail)
// judged on each day it or its figures changed.
type TargetTrail struct {
	Indicator string       `json:"indicator"`
	Plan      string       `json:"plan"`
	Kind      string       `json:"kind"`
	Year      int          `json:"year"`
	Points    []TrailPoint `json:"points"`
}

// TrailPoint is the answer the assessment routes give as of AsOf for the
// target: judged (Assessment), listed unjudged with the reason (Unassessed),
// or withdrawn that day.
type TrailPoint struct {
	AsOf string `json:"as_of"`
	// Changed says what changed that day: "figures" (a figure of the
	// series published, revised or withdrawn), "target" (a version set).
	Changed    []string        `json:"changed"`
	Withdrawn  bool            `json:"withdrawn,omitempty"`
	Assessment *AssessmentItem `json:"assessment,omitempty"`
	Unassessed *Unassessed     `json:"unassessed,omitempty"`
}

// getAssessmentTrail follows every target of a region (of one indicator or
// plan, when given) through time, with forecast.AssessmentTrail, cached by
// data version like the assessments; format=csv or xlsx downloads it, one
// row per target and day.
func (s *Server) getAssessmentTrail(c echo.Context) error {
	ctx := c.Request().Context()
	region := c.Param("region")
	if _, err := s.region(c, region); err != nil {
		return err
	}
	indicator, err := s.indicatorParam(c)
	if err != nil {
		return err
	}
	plan, err := planParam(c)
	if err != nil {
		return err
	}
	f := plancast.TargetFilter{Region: region, Indicator: indicator, Plan: plan}
	return answerAndDownloads(s, c, "trail", region+"\x00"+indicator+"\x00"+plan, fileName(region, "assessment_trail", indicator, plan),
		func() (*TrailResponse, error) { return s.assessmentTrail(ctx, f) }, trailTable)
}

func (s *Server) assessmentTrail(ctx context.Context, f plancast.TargetFilter) (*TrailResponse, error) {
	cat, err := s.catalog(ctx)
	if err != nil {
		return nil, err
	}
	stored, err := s.cfg.Store.TargetVersions(ctx, f)
	if err != nil {
		return nil, err
	}
	resp := &TrailResponse{Region: f.Region, Indicator: f.Indicator, Plan: f.Plan, Targets: []TargetTrail{}}
	vintages := map[string][]plancast.Observation{} // by indicator, read once
	for _, versions := range plancast.ByTarget(plancast.TargetHistory(stored, f)) {
		key := versions[0].Key()
		ind := cat.indicators[key.Indicator]
		vs, read := vintages[key.Indicator]
		if !read {
			if vs, err = plancast.ReadJudgedVintages(ctx, s.cfg.Store, versions[0].SeriesKey(), ind); err != nil {
				return nil, err
			}
			vintages[key.Indicator] = vs
		}
		tt := TargetTrail{Indicator: key.Indicator, Plan: key.Plan, Kind: key.Kind, Year: key.Year, Points: []TrailPoint{}}
		for _, p := range forecast.AssessmentTrail(versions, vs, ind) {
			tp := TrailPoint{AsOf: p.AsOf.String(), Changed: p.Changed()}
			// Counted as the assessments count: each series Assess was
			// given, whether or not it could judge the target.
			switch err := p.Err; {
			case p.Target == nil:
				tp.Withdrawn = true
			case errors.Is(err, forecast.ErrNoFigures):
				u := unassessed(*p.Target, noFigures(*p.Target, ind, p.AsOf))
				tp.Unassessed = &u
			case err != nil:
				s.metrics.forecasts.Inc()
				u := unassessed(*p.Target, err)
				tp.Unassessed = &u
			default:
				s.metrics.forecasts.Inc()
				tp.Assessment = &AssessmentItem{Region: p.Target.Region, Plan: p.Target.Plan, Assessment: *p.Assessment}
			}
			tt.Points = append(tt.Points, tp)
		}
		resp.Targets = append(resp.Targets, tt)
	}
	return resp, nil
}
