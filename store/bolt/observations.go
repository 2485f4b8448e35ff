package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"time"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast"
)

// WriteObservations writes a batch all or nothing in one fsynced transaction.
func (s *Store) WriteObservations(ctx context.Context, obs []plancast.Observation) (plancast.WriteResult, error) {
	return s.writeObservations(obs, false)
}

// The store writes an archive's recorded times back (plancast.ImportArchive).
var _ plancast.RecordedWriter = (*Store)(nil)

// WriteObservationsRecorded is WriteObservations with each vintage recorded
// at the time it carries (plancast.RecordedWriter): for ImportArchive alone.
func (s *Store) WriteObservationsRecorded(ctx context.Context, obs []plancast.Observation) (plancast.WriteResult, error) {
	return s.writeObservations(obs, true)
}

// writeObservations writes a batch, each vintage recorded now, or with keep
// at the time it carries (plancast.RecordedAt).
func (s *Store) writeObservations(obs []plancast.Observation, keep bool) (plancast.WriteResult, error) {
	var res plancast.WriteResult
	batch, err := plancast.PrepareObservations(obs, plancast.Today())
	if err != nil {
		return res, err
	}
	err = s.update("write observations", func(tx *bbolt.Tx) error {
		res = plancast.WriteResult{} // Update may not retry, but keep the count honest if it did
		b, vals := tx.Bucket(bucketObs), tx.Bucket(bucketVals)
		// One recorded time for the batch, as in the InfluxDB store: a batch
		// holds each figure once, so its figures need no finer order. It
		// comes after every vintage of the batch's figures.
		var floor time.Time
		if !keep {
			figures := make([][]byte, len(batch))
			for i := range batch {
				figures[i] = figurePrefix(batch[i].Key())
			}
			floor = newestRecorded(vals, figures)
		}
		recorded := s.clock.NextAfter(floor)
		for i := range batch {
			o := &batch[i]
			if err := known(tx, o.Region, o.Indicator); err != nil {
				return plancast.Errorf(plancast.EINVALID, "item %d: %s; nothing written", i+1, plancast.ErrorMessage(err))
			}
			latest, found := latestVintage(vals, o.Key())
			write, err := res.TallyFigure(i+1, o, &latest, found)
			if err != nil {
				return plancast.Errorf(plancast.EINVALID, "%s; nothing written", plancast.ErrorMessage(err))
			}
			// An import (keep) writes every vintage it is given: the store it
			// comes from held each, also one the same as the vintage listed
			// before it, which a push would count unchanged (ImportArchive
			// leaves out the vintages the store holds already).
			if !write && !keep {
				continue
			}
			if o.Recorded, err = plancast.RecordedAt(keep, "item", i+1, o.Recorded, recorded); err != nil {
				return err
			}
			key := obsKey(o)
			if keep && b.Get(key) != nil {
				// Its key is the figure's and the time: a put would replace it.
				return plancast.VintageTaken(i+1, o)
			}
			if err := putJSON(b, key, o); err != nil {
				return err
			}
			if err := vals.Put(key, encodeVal(o)); err != nil {
				return err
			}
		}
		if keep && len(batch) > 0 {
			return bumpVersion(tx)
		}
		return bumpIfChanged(tx, res)
	})
	if err != nil {
		return plancast.WriteResult{}, err
	}
	return res, nil
}

// seriesPrefix is the key prefix of every vintage of a series.
func seriesPrefix(k plancast.SeriesKey) []byte {
	return joinKey(nil, k.Region, k.Indicator, k.Period)
}

// figurePrefix is the key prefix of every vintage of one figure.
func figurePrefix(k plancast.FigureKey) []byte {
	return append(seriesPrefix(k.SeriesKey), yearBytes(k.Year)...)
}

func obsKey(o *plancast.Observation) []byte {
	var rec [8]byte
	binary.BigEndian.PutUint64(rec[:], uint64(o.Recorded.UnixNano()))
	return append(figurePrefix(o.Key()), rec[:]...)
}

// Series returns the latest vintage (as of q.AsOf) of every year in the series.
func (s *Store) Series(ctx context.Context, q plancast.SeriesQuery) (*plancast.Series, error) {
	if q.Period == "" {
		q.Period = plancast.PeriodYear
	}
	vintages, err := s.readSeries(plancast.SeriesKey{Region: q.Region, Indicator: q.Indicator, Period: q.Period})
	if err != nil {
		return nil, err
	}
	return plancast.SeriesOf(q, vintages)
}

// Vintages returns every stored vintage of the series, by year, oldest vintage first.
func (s *Store) Vintages(ctx context.Context, k plancast.SeriesKey) ([]plancast.Observation, error) {
	if k.Period == "" {
		k.Period = plancast.PeriodYear
	}
	vintages, err := s.readSeries(k)
	if err != nil {
		return nil, err
	}
	return plancast.VintagesInOrder(k, vintages)
}

// readSeries reads every stored vintage of series k, whose region and
// indicator must be in the catalog.
func (s *Store) readSeries(k plancast.SeriesKey) ([]plancast.Observation, error) {
	var out []plancast.Observation
	err := s.view(func(tx *bbolt.Tx) error {
		if err := known(tx, k.Region, k.Indicator); err != nil {
			return err
		}
		prefix := seriesPrefix(k)
		c := tx.Bucket(bucketObs).Cursor()
		for key, v := c.Seek(prefix); key != nil && bytes.HasPrefix(key, prefix); key, v = c.Next() {
			var o plancast.Observation
			if err := getJSON(v, &o); err != nil {
				return err
			}
			out = append(out, o)
		}
		return nil
	})
	return out, err
}

// WalkVintages calls fn with every vintage of every series, a series at a
// time in key order (region, indicator, period: the order of the key bytes),
// all in one read transaction: one state of the store, read once.
func (s *Store) WalkVintages(ctx context.Context, fn func(vintages []plancast.Observation) error) error {
	return s.view(func(tx *bbolt.Tx) error {
		var series []plancast.Observation
		var prefix []byte
		emit := func() error {
			if len(series) == 0 {
				return nil
			}
			vs, err := plancast.VintagesInOrder(series[0].Key().SeriesKey, series)
			if err != nil {
				return err
			}
			series = nil
			return fn(vs)
		}
		c := tx.Bucket(bucketObs).Cursor()
		for key, v := c.First(); key != nil; key, v = c.Next() {
			if prefix == nil || !bytes.HasPrefix(key, prefix) {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := emit(); err != nil {
					return err
				}
				prefix = nil
			}
			var o plancast.Observation
			if err := getJSON(v, &o); err != nil {
				return err
			}
			if prefix == nil {
				prefix = seriesPrefix(o.Key().SeriesKey)
			}
			series = append(series, o)
		}
		return emit()
	})
}
