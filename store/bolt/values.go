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
// vintage, under the same key,
//
//	float64 value (IEEE 754, big-endian) | int32 published (days since 1970-01-01)
//	[ | flags (1 byte) [ | float64 growth | uint16 growth base year ] ]
//
// The flags byte is there only when a flag is set: bit 0 marks a
// withdrawal, bit 1 a stated growth (plancast.Observation.Growth), which
// then follows with its base year (0: the year before, as GrowthBaseYear).
// An ordinary figure without a stated growth is 12 bytes; a withdrawal 13;
// a figure with a stated growth 23. Values written before growths were kept
// (12 bytes, or 13 ending in 1 for a withdrawal; 12 bytes only before
// withdrawals existed) read as they always did. So a nationwide assessment
// reads 3.4 M values without decoding 3.4 M JSON documents (source quotes
// and all): the full read took 73.5 s and 4.6 GiB for 2,850 counties × 40
// indicators × 30 years (bench/scale.md).
var bucketVals = []byte("vals")

const (
	valLen       = 12          // value and published date
	valGrowthLen = valLen + 11 // flags, growth, base year

	valWithdrawn = 1 << 0 // flag: a withdrawal
	valGrowth    = 1 << 1 // flag: a stated growth and its base year follow
)

func encodeVal(o *plancast.Observation) []byte {
	b := make([]byte, valLen, valGrowthLen)
	binary.BigEndian.PutUint64(b[:8], math.Float64bits(o.Value))
	days := o.Published.Time().Unix() / 86400
	binary.BigEndian.PutUint32(b[8:], uint32(int32(days)))
	var flags byte
	if o.Withdrawn() {
		flags |= valWithdrawn
	}
	if o.Growth != nil {
		flags |= valGrowth
	}
	if flags == 0 {
		return b
	}
	b = append(b, flags)
	if o.Growth != nil {
		b = binary.BigEndian.AppendUint64(b, math.Float64bits(*o.Growth))
		b = binary.BigEndian.AppendUint16(b, uint16(o.GrowthBaseYear))
	}
	return b
}

// decodeVal sets o's value, published date, withdrawn status and stated
// growth from a vals entry; false when b is no entry encodeVal writes.
func decodeVal(b []byte, o *plancast.Observation) bool {
	if len(b) < valLen {
		return false
	}
	var flags byte
	if len(b) > valLen {
		flags = b[valLen]
	}
	if flags&valGrowth != 0 && len(b) < valGrowthLen {
		return false
	}
	o.Value = math.Float64frombits(binary.BigEndian.Uint64(b[:8]))
	days := int64(int32(binary.BigEndian.Uint32(b[8:12])))
	o.Published = plancast.DateOf(time.Unix(days*86400, 0))
	if flags&valWithdrawn != 0 {
		o.Status = plancast.StatusWithdrawn
	}
	if flags&valGrowth != 0 {
		g := math.Float64frombits(binary.BigEndian.Uint64(b[valLen+1 : valLen+9]))
		o.Growth, o.GrowthBaseYear = &g, int(binary.BigEndian.Uint16(b[valLen+9:valGrowthLen]))
	}
	return true
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

// SeriesValuesOf is the latest vintage of every year of exactly the given
// series (those with observations), sorted by region, indicator and period,
// from the vals bucket (value, published date, withdrawal and stated growth
// only): one seek per series.
func (s *Store) SeriesValuesOf(ctx context.Context, keys []plancast.SeriesKey) ([]plancast.Series, error) {
	var out []plancast.Series
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketVals).Cursor()
		for _, sk := range plancast.SortedSeriesKeys(keys) {
			series := plancast.Series{Region: sk.Region, Indicator: sk.Indicator, Period: sk.Period}
			prefix := joinKey(nil, sk.Region, sk.Indicator, sk.Period) // region 0 indicator 0 period 0
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				// k: prefix year(2) recorded(8)
				if len(k) != len(prefix)+10 {
					continue
				}
				tail := len(prefix)
				o := plancast.Observation{Region: sk.Region, Indicator: sk.Indicator, Period: sk.Period,
					Year:     int(binary.BigEndian.Uint16(k[tail : tail+2])),
					Recorded: time.Unix(0, int64(binary.BigEndian.Uint64(k[tail+2:]))).UTC()}
				if !decodeVal(v, &o) {
					continue
				}
				series.AppendLatest(o) // keys sort by year, then recorded
			}
			series.DropWithdrawn()
			if len(series.Observations) > 0 {
				out = append(out, series)
			}
		}
		return nil
	})
	return out, err
}
