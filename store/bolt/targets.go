package bolt

import (
	"bytes"
	"context"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast"
)

func targetKey(t *plancast.Target) []byte {
	return joinKey(yearBytes(t.Year), t.Region, t.Indicator, t.Plan, t.Kind)
}

// WriteTargets inserts or replaces targets by key, all or nothing.
func (s *Store) WriteTargets(ctx context.Context, ts []plancast.Target) (plancast.WriteResult, error) {
	var res plancast.WriteResult
	batch, err := plancast.PrepareTargets(ts)
	if err != nil {
		return res, err
	}
	err = s.update("write targets", func(tx *bbolt.Tx) error {
		res = plancast.WriteResult{}
		b := tx.Bucket(bucketTargets)
		for i := range batch {
			t := &batch[i]
			if err := known(tx, t.Region, t.Indicator); err != nil {
				return plancast.Errorf(plancast.EINVALID, "target %d: %s; nothing written", i+1, plancast.ErrorMessage(err))
			}
			key := targetKey(t)
			var prev plancast.Target
			old := b.Get(key)
			if old != nil {
				if err := getJSON(old, &prev); err != nil {
					return err
				}
			}
			write, err := res.TallyTarget(i+1, t, &prev, old != nil)
			if err != nil {
				return plancast.Errorf(plancast.EINVALID, "%s; nothing written", plancast.ErrorMessage(err))
			}
			switch {
			case !write:
			case t.Withdrawn: // targets have no vintages: a withdrawn one is gone
				if err := b.Delete(key); err != nil {
					return err
				}
			default:
				if err := putJSON(b, key, t); err != nil {
					return err
				}
			}
		}
		return bumpIfChanged(tx, res)
	})
	if err != nil {
		return plancast.WriteResult{}, err
	}
	return res, nil
}

// Targets returns the matching targets in key order (region, indicator, plan, kind, year).
func (s *Store) Targets(ctx context.Context, f plancast.TargetFilter) ([]plancast.Target, error) {
	var out []plancast.Target
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketTargets).Cursor()
		var prefix []byte
		if f.Region != "" {
			prefix = joinKey(nil, f.Region)
			if f.Indicator != "" {
				prefix = joinKey(nil, f.Region, f.Indicator)
			}
		}
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var t plancast.Target
			if err := getJSON(v, &t); err != nil {
				return err
			}
			if plancast.MatchTarget(f, &t) {
				out = append(out, t)
			}
		}
		return nil
	})
	plancast.SortTargets(out)
	return out, err
}
