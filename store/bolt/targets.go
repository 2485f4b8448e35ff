package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"time"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast"
)

// The targets bucket holds the version of each target in force now, so that
// the usual read is one prefix scan; target_versions holds every version
// ever written (withdrawals too), under the target's key and the time the
// version was recorded, for reads as of a date.
var bucketTargetVersions = []byte("target_versions")

func targetKey(t *plancast.Target) []byte {
	return joinKey(yearBytes(t.Year), t.Region, t.Indicator, t.Plan, t.Kind)
}

func targetVersionKey(t *plancast.Target) []byte {
	var rec [8]byte
	if !t.Recorded.IsZero() {
		binary.BigEndian.PutUint64(rec[:], uint64(t.Recorded.UnixNano()))
	}
	return append(targetKey(t), rec[:]...)
}

// targetPrefix is the key prefix of the targets (and their versions) that f
// selects by region and indicator; the plan is filtered after the scan.
func targetPrefix(f plancast.TargetFilter) []byte {
	switch {
	case f.Region == "":
		return nil
	case f.Indicator == "":
		return joinKey(nil, f.Region)
	default:
		return joinKey(nil, f.Region, f.Indicator)
	}
}

// buildTargetVersions gives a store from before target versions were kept
// one version of each target it holds, recorded at zero and with whatever
// date it carries (none: it counts as set before any date).
func buildTargetVersions(tx *bbolt.Tx) error {
	versions := tx.Bucket(bucketTargetVersions)
	return tx.Bucket(bucketTargets).ForEach(func(k, v []byte) error {
		var t plancast.Target
		if err := getJSON(v, &t); err != nil {
			return err
		}
		return putJSON(versions, targetVersionKey(&t), &t)
	})
}

// WriteTargets writes a new version of every target that changed, all or
// nothing, in one fsynced transaction.
func (s *Store) WriteTargets(ctx context.Context, ts []plancast.Target) (plancast.WriteResult, error) {
	return s.writeTargets(ts, false)
}

// WriteTargetsRecorded is WriteTargets with each version recorded at the
// time it carries (plancast.RecordedWriter): for ImportArchive alone.
func (s *Store) WriteTargetsRecorded(ctx context.Context, ts []plancast.Target) (plancast.WriteResult, error) {
	return s.writeTargets(ts, true)
}

// writeTargets writes a batch of targets, each version recorded now, or
// with keep at the time it carries (plancast.RecordedAt).
func (s *Store) writeTargets(ts []plancast.Target, keep bool) (plancast.WriteResult, error) {
	var res plancast.WriteResult
	batch, err := plancast.PrepareTargets(ts, plancast.Today())
	if err != nil {
		return res, err
	}
	err = s.update("write targets", func(tx *bbolt.Tx) error {
		res = plancast.WriteResult{}
		current, versions := tx.Bucket(bucketTargets), tx.Bucket(bucketTargetVersions)
		// One per batch, as for figures, after every version of its targets.
		var floor time.Time
		if !keep {
			keys := make([][]byte, len(batch))
			for i := range batch {
				keys[i] = targetKey(&batch[i])
			}
			floor = newestRecorded(versions, keys)
		}
		recorded := s.clock.NextAfter(floor)
		for i := range batch {
			t := &batch[i]
			if err := known(tx, t.Region, t.Indicator); err != nil {
				return plancast.Errorf(plancast.EINVALID, "target %d: %s; nothing written", i+1, plancast.ErrorMessage(err))
			}
			key := targetKey(t)
			var prev plancast.Target
			old := current.Get(key)
			if old != nil {
				if err := getJSON(old, &prev); err != nil {
					return err
				}
			}
			write, err := res.TallyTarget(i+1, t, &prev, old != nil)
			if err != nil {
				return plancast.Errorf(plancast.EINVALID, "%s; nothing written", plancast.ErrorMessage(err))
			}
			if !write {
				continue
			}
			if t.Recorded, err = plancast.RecordedAt(keep, "target", i+1, t.Recorded, recorded); err != nil {
				return err
			}
			vkey := targetVersionKey(t)
			if keep && versions.Get(vkey) != nil {
				// Its key is the target's and the time: a put would replace it.
				return plancast.VersionTaken(i+1, t)
			}
			if err := putJSON(versions, vkey, t); err != nil {
				return err
			}
			if err := refreshCurrent(current, versions, key); err != nil {
				return err
			}
		}
		return bumpIfChanged(tx, res)
	})
	if err != nil {
		return plancast.WriteResult{}, err
	}
	return res, nil
}

// refreshCurrent puts the newest version of the target at key into the
// targets bucket, or takes it out when that version is a withdrawal. The
// newest is not always the one just written: a version set on an earlier
// date (a backfilled plan) is kept but does not replace a later one.
func refreshCurrent(current, versions *bbolt.Bucket, key []byte) error {
	var newest plancast.Target
	found := false
	c := versions.Cursor()
	for k, v := c.Seek(key); k != nil && bytes.HasPrefix(k, key) && len(k) == len(key)+8; k, v = c.Next() {
		var t plancast.Target
		if err := getJSON(v, &t); err != nil {
			return err
		}
		if !found || plancast.NewerTarget(&t, &newest) {
			newest, found = t, true
		}
	}
	if !found || newest.Withdrawn {
		return current.Delete(key)
	}
	return putJSON(current, key, &newest)
}

// Targets returns the matching targets in force, now or as of f.AsOf.
func (s *Store) Targets(ctx context.Context, f plancast.TargetFilter) ([]plancast.Target, error) {
	if !f.AsOf.IsZero() {
		versions, err := s.TargetVersions(ctx, f)
		if err != nil {
			return nil, err
		}
		return plancast.CurrentTargets(versions, f), nil
	}
	// The current bucket holds one target per key, none withdrawn, so
	// CurrentTargets only filters and sorts it.
	current, err := s.scanTargets(bucketTargets, f)
	if err != nil {
		return nil, err
	}
	return plancast.CurrentTargets(current, f), nil
}

// TargetVersions returns every stored version of the targets f selects.
func (s *Store) TargetVersions(ctx context.Context, f plancast.TargetFilter) ([]plancast.Target, error) {
	return s.scanTargets(bucketTargetVersions, f)
}

// scanTargets reads the targets of one bucket that f selects by region,
// indicator and plan: a scan of the key prefix of its region and indicator.
func (s *Store) scanTargets(bucket []byte, f plancast.TargetFilter) ([]plancast.Target, error) {
	var out []plancast.Target
	err := s.view(func(tx *bbolt.Tx) error {
		prefix := targetPrefix(f)
		c := tx.Bucket(bucket).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var t plancast.Target
			if err := getJSON(v, &t); err != nil {
				return err
			}
			if f.Selects(&t) {
				out = append(out, t)
			}
		}
		return nil
	})
	return out, err
}
