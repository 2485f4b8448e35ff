package influx

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	influxdb2 "github.com/influxdata/influxdb-client-go/v2"
	"github.com/influxdata/influxdb-client-go/v2/api/write"

	"github.com/plancast/plancast"
)

// WriteTargets writes a new version of every target that changed, all or
// nothing. Each version is its own series (the vintage tag, as for figures),
// so no version is overwritten; which one is in force is decided on read
// (plancast.CurrentTargets).
func (s *Store) WriteTargets(ctx context.Context, ts []plancast.Target) (plancast.WriteResult, error) {
	return s.writeTargets(ctx, ts, false)
}

// WriteTargetsRecorded is WriteTargets with each version recorded at the
// time it carries (plancast.RecordedWriter): for ImportArchive alone.
func (s *Store) WriteTargetsRecorded(ctx context.Context, ts []plancast.Target) (plancast.WriteResult, error) {
	return s.writeTargets(ctx, ts, true)
}

// writeTargets writes a batch of targets, each version recorded now, or
// with keep at the time it carries (plancast.RecordedAt).
func (s *Store) writeTargets(ctx context.Context, ts []plancast.Target, keep bool) (plancast.WriteResult, error) {
	var res plancast.WriteResult
	batch, err := plancast.PrepareTargets(ts, plancast.Today())
	if err != nil {
		return res, err
	}
	regions, indicators, err := s.catalogSets(ctx)
	if err != nil {
		return res, err
	}
	inBatch := make(map[plancast.TargetKey]struct{}, len(batch))
	for i := range batch {
		if err := knownIn(regions, indicators, batch[i].Region, batch[i].Indicator); err != nil {
			return res, plancast.Errorf(plancast.EINVALID, "target %d: %s; nothing written", i+1, plancast.ErrorMessage(err))
		}
		inBatch[batch[i].Key()] = struct{}{}
	}
	versions, err := s.TargetVersions(ctx, plancast.TargetFilter{})
	if err != nil {
		return res, err
	}
	stored := make(map[plancast.TargetKey]plancast.Target, len(versions))
	for _, t := range plancast.CurrentTargets(versions, plancast.TargetFilter{}) {
		stored[t.Key()] = t
	}
	type versionAt struct {
		target   plancast.TargetKey
		recorded int64
	}
	var taken map[versionAt]bool // with keep: the stored versions' targets and times
	if keep {
		taken = make(map[versionAt]bool, len(versions))
		for i := range versions {
			if !versions[i].Recorded.IsZero() { // else no vintage tag: written before versions were kept
				taken[versionAt{versions[i].Key(), versions[i].Recorded.UnixNano()}] = true
			}
		}
	}
	pts := make([]*write.Point, 0, len(batch))
	// One recorded time for the batch, after every version of its targets.
	var floor time.Time
	if !keep {
		for i := range versions {
			if _, ok := inBatch[versions[i].Key()]; ok && versions[i].Recorded.After(floor) {
				floor = versions[i].Recorded
			}
		}
	}
	recorded := s.clock.NextAfter(floor)
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
		// A withdrawal is a version too (InfluxDB 1.8's v2 API has no
		// delete); once it is the newest, Targets leaves the target out.
		if t.Recorded, err = plancast.RecordedAt(keep, "target", i+1, t.Recorded, recorded); err != nil {
			return plancast.WriteResult{}, err
		}
		if keep && taken[versionAt{t.Key(), t.Recorded.UnixNano()}] {
			// Its series is the target's and the time's: a point would replace it.
			return plancast.WriteResult{}, plancast.VersionTaken(i+1, t)
		}
		data, err := json.Marshal(t)
		if err != nil {
			return plancast.WriteResult{}, err
		}
		pts = append(pts, influxdb2.NewPoint(s.m("target"),
			map[string]string{"region": t.Region, "indicator": t.Indicator, "plan": t.Plan, "kind": t.Kind,
				"vintage": strconv.FormatInt(t.Recorded.UnixNano(), 10)},
			map[string]any{"json": string(data)}, yearTime(t.Year)))
	}
	if err := s.send(ctx, "write targets", pts); err != nil {
		return plancast.WriteResult{}, err
	}
	return res, nil
}

// Targets returns the matching targets in force, now or as of f.AsOf, sorted
// by region, indicator, plan, year, kind. It reads every version of the
// targets f selects (a few per target; targets stored before versions were
// kept have no vintage tag and count as set before any date).
func (s *Store) Targets(ctx context.Context, f plancast.TargetFilter) ([]plancast.Target, error) {
	versions, err := s.TargetVersions(ctx, f)
	if err != nil {
		return nil, err
	}
	return plancast.CurrentTargets(versions, f), nil
}

// TargetVersions returns every stored version of the targets f selects.
func (s *Store) TargetVersions(ctx context.Context, f plancast.TargetFilter) ([]plancast.Target, error) {
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
	// Each version is a series with one point; read them all, not just the last.
	flux := fmt.Sprintf(`from(bucket: %s) |> %s |> filter(fn: (r) => r._measurement == %s and r._field == "json"%s)`,
		fluxString(s.cfg.Bucket), fullRange, fluxString(s.m("target")), filter)
	var versions []plancast.Target
	err := s.rows(ctx, "read targets", flux, func(v map[string]any) error {
		var t plancast.Target
		if err := json.Unmarshal([]byte(str(v["_value"])), &t); err != nil {
			return fmt.Errorf("decode stored target: %w", err)
		}
		versions = append(versions, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return versions, nil
}
