package influx

import (
	"context"
	"encoding/json"
	"fmt"

	influxdb2 "github.com/influxdata/influxdb-client-go/v2"
	"github.com/influxdata/influxdb-client-go/v2/api/write"

	"github.com/plancast/plancast"
)

// WriteTargets inserts or replaces targets by key, all or nothing. A target's
// point has the target's tags and year as its time, so a rewrite replaces it.
func (s *Store) WriteTargets(ctx context.Context, ts []plancast.Target) (plancast.WriteResult, error) {
	var res plancast.WriteResult
	batch, err := plancast.PrepareTargets(ts)
	if err != nil {
		return res, err
	}
	regions, indicators, err := s.catalogSets(ctx)
	if err != nil {
		return res, err
	}
	for i := range batch {
		if err := knownIn(regions, indicators, batch[i].Region, batch[i].Indicator); err != nil {
			return res, plancast.Errorf(plancast.EINVALID, "target %d: %s; nothing written", i+1, plancast.ErrorMessage(err))
		}
	}
	existing, err := s.Targets(ctx, plancast.TargetFilter{})
	if err != nil {
		return res, err
	}
	stored := make(map[plancast.TargetKey]plancast.Target, len(existing))
	for _, t := range existing {
		stored[t.Key()] = t
	}
	pts := make([]*write.Point, 0, len(batch))
	for i := range batch {
		t := &batch[i]
		prev, ok := stored[t.Key()]
		write, err := res.TallyTarget(i+1, t, &prev, ok)
		if err != nil {
			return plancast.WriteResult{}, plancast.Errorf(plancast.EINVALID, "%s; nothing written", plancast.ErrorMessage(err))
		}
		if !write {
			continue
		}
		// A withdrawn target overwrites the stored point (InfluxDB 1.8's v2
		// API has no delete), and Targets leaves it out (MatchTarget).
		data, err := json.Marshal(t)
		if err != nil {
			return plancast.WriteResult{}, err
		}
		pts = append(pts, influxdb2.NewPoint(s.m("target"),
			map[string]string{"region": t.Region, "indicator": t.Indicator, "plan": t.Plan, "kind": t.Kind},
			map[string]any{"json": string(data)}, yearTime(t.Year)))
	}
	if err := s.send(ctx, "write targets", pts); err != nil {
		return plancast.WriteResult{}, err
	}
	return res, nil
}

// Targets returns the matching targets sorted by region, indicator, plan, year, kind.
func (s *Store) Targets(ctx context.Context, f plancast.TargetFilter) ([]plancast.Target, error) {
	var filter string
	if f.Region != "" {
		filter += " and r.region == " + fluxString(f.Region)
	}
	if f.Indicator != "" {
		filter += " and r.indicator == " + fluxString(f.Indicator)
	}
	if f.Plan != "" {
		filter += " and r.plan == " + fluxString(f.Plan)
	}
	// Each target is a series with one point per year; read them all, not just the last.
	flux := fmt.Sprintf(`from(bucket: %s) |> %s |> filter(fn: (r) => r._measurement == %s and r._field == "json"%s)`,
		fluxString(s.cfg.Bucket), fullRange, fluxString(s.m("target")), filter)
	var out []plancast.Target
	err := s.rows(ctx, "read targets", flux, func(v map[string]any) error {
		var t plancast.Target
		if err := json.Unmarshal([]byte(str(v["_value"])), &t); err != nil {
			return fmt.Errorf("decode stored target: %w", err)
		}
		if plancast.MatchTarget(f, &t) {
			out = append(out, t)
		}
		return nil
	})
	plancast.SortTargets(out)
	return out, err
}
