package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"math"
	"time"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast"
)

// The vals bucket mirrors obs with only what bulk reads need: for every
// vintage, under the same key, 12 bytes
//
//	float64 value (IEEE 754, big-endian) | int32 published (days since 1970-01-01)
//
// so that a nationwide assessment reads 3.4 M values without decoding 3.4 M
// JSON documents (source quotes and all): the full read took 73.5 s and
// 4.6 GiB for 2,850 counties × 40 indicators × 30 years (bench/scale.md).
var bucketVals = []byte("vals")

const valLen = 12

func encodeVal(o *plancast.Observation) []byte {
	var b [valLen]byte
	binary.BigEndian.PutUint64(b[:8], math.Float64bits(o.Value))
	days := o.Published.Time().Unix() / 86400
	binary.BigEndian.PutUint32(b[8:], uint32(int32(days)))
	return b[:]
}

func decodeVal(b []byte) (value float64, published plancast.Date) {
	value = math.Float64frombits(binary.BigEndian.Uint64(b[:8]))
	days := int64(int32(binary.BigEndian.Uint32(b[8:12])))
	return value, plancast.DateOf(time.Unix(days*86400, 0))
}

// buildVals fills the vals bucket from obs: stores written before it existed
// get it on their first open.
func buildVals(tx *bbolt.Tx) error {
	vals := tx.Bucket(bucketVals)
	return tx.Bucket(bucketObs).ForEach(func(k, v []byte) error {
		var o plancast.Observation
		if err := getJSON(v, &o); err != nil {
			return err
		}
		return vals.Put(k, encodeVal(&o))
	})
}

// SeriesValues is SeriesSet for callers that need only the numbers (bulk
// assessments): the same series with the same latest vintages, each
// observation carrying region, indicator, period, year, value, Published and
// Recorded, but no status and no source.
func (s *Store) SeriesValues(ctx context.Context, q plancast.SeriesSetQuery) ([]plancast.Series, error) {
	period := []byte(q.PeriodOrYear())
	wantInd := map[string]bool{}
	for _, i := range q.Indicators {
		wantInd[i] = true
	}
	return s.readVals(regionPrefixes(q.Regions), func(_, indicator, p []byte) bool {
		return bytes.Equal(p, period) && (len(wantInd) == 0 || wantInd[string(indicator)])
	})
}

// SeriesValuesOf is SeriesValues for exactly the given series (those with
// observations), sorted by region, indicator and period: one seek per series.
func (s *Store) SeriesValuesOf(ctx context.Context, keys []plancast.SeriesKey) ([]plancast.Series, error) {
	keys = plancast.SortedSeriesKeys(keys)
	prefixes := make([][]byte, len(keys))
	for i, k := range keys {
		prefixes[i] = joinKey(nil, k.Region, k.Indicator, k.Period)
	}
	return s.readVals(prefixes, func(_, _, _ []byte) bool { return true })
}

// readVals reads the latest vintage of every year of the series under each
// key prefix that want accepts, from the vals bucket.
func (s *Store) readVals(prefixes [][]byte, want func(region, indicator, period []byte) bool) ([]plancast.Series, error) {
	var out []plancast.Series
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketVals).Cursor()
		for _, prefix := range prefixes {
			var cur *plancast.Series // nil while skipping a series the caller does not want
			var curKey []byte        // region 0 indicator 0 period 0 of the series being read
			haveKey := false
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				// k: region 0 indicator 0 period 0 year(2) recorded(8)
				tail := len(k) - 10
				if tail < 3 || len(v) != valLen {
					continue
				}
				seriesKey := k[:tail]
				if !haveKey || !bytes.Equal(seriesKey, curKey) {
					haveKey, curKey = true, append(curKey[:0], seriesKey...)
					parts := bytes.SplitN(seriesKey, []byte{0}, 4)
					if len(parts) != 4 || !want(parts[0], parts[1], parts[2]) {
						cur = nil
						continue
					}
					out = append(out, plancast.Series{Region: string(parts[0]), Indicator: string(parts[1]), Period: string(parts[2])})
					cur = &out[len(out)-1]
				}
				if cur == nil {
					continue
				}
				year := int(binary.BigEndian.Uint16(k[tail : tail+2]))
				recorded := time.Unix(0, int64(binary.BigEndian.Uint64(k[tail+2:]))).UTC()
				value, published := decodeVal(v)
				o := plancast.Observation{Region: cur.Region, Indicator: cur.Indicator, Period: cur.Period, Year: year,
					Value: value, Published: published, Recorded: recorded}
				// Keys sort by year, then recorded: the vintages of a year are adjacent.
				if n := len(cur.Observations); n > 0 && cur.Observations[n-1].Year == year {
					if plancast.NewerVintage(&o, &cur.Observations[n-1]) {
						cur.Observations[n-1] = o
					}
					continue
				}
				cur.Observations = append(cur.Observations, o)
			}
		}
		return nil
	})
	return out, err
}
