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

// The vals bucket mirrors obs with only what bulk reads and comparisons
// need: for every vintage, under the same key,
//
//	float64 value (IEEE 754, big-endian) | int32 published (days since 1970-01-01)
//	[ | flags (1 byte) [ | float64 growth | uint16 growth base year ] ]
//
// The flags byte is there only when a flag is set: bit 0 marks a
// withdrawal, bit 1 a stated growth (plancast.Observation.Growth), which
// then follows with its base year (0: the year before, as GrowthBaseYear),
// bit 2 a preliminary figure and bit 3 an estimate (no status bit: final).
// An ordinary final figure without a stated growth is 12 bytes; a
// withdrawal, a preliminary figure or an estimate 13; a figure with a stated
// growth 23. So a nationwide assessment reads 3.4 M values without decoding
// 3.4 M JSON documents (source quotes and all): the full read took 73.5 s and
// 4.6 GiB for 2,850 counties × 40 indicators × 30 years (bench/scale.md).
// With the status every vintage can be compared (plancast.SameFigure)
// without its JSON: a write finds the latest vintage of each figure here,
// and VintagesOf reads every vintage of a series from here.
//
// The bucket is "vals2". Stores from before statuses were kept have a
// "vals" bucket whose entries carry none (12 bytes, or 13 ending in 1 for a
// withdrawal; 12 bytes only before withdrawals existed, 23 with a growth),
// and a store that an older plancast opened again gets one back (it builds
// "vals" when it finds none) and writes its figures there alone. So Open
// builds vals2 from obs whenever it finds no vals2 or finds a vals bucket,
// and then removes vals (openVals).
var (
	bucketVals    = []byte("vals2")
	bucketValsOld = []byte("vals")
)

const (
	valLen       = 12          // value and published date
	valGrowthLen = valLen + 11 // flags, growth, base year

	valWithdrawn   = 1 << 0 // flag: a withdrawal
	valGrowth      = 1 << 1 // flag: a stated growth and its base year follow
	valPreliminary = 1 << 2 // flag: status preliminary
	valEstimate    = 1 << 3 // flag: status estimate
)

func encodeVal(o *plancast.Observation) []byte {
	b := make([]byte, valLen, valGrowthLen)
	binary.BigEndian.PutUint64(b[:8], math.Float64bits(o.Value))
	days := o.Published.Time().Unix() / 86400
	binary.BigEndian.PutUint32(b[8:], uint32(int32(days)))
	var flags byte
	switch o.Status {
	case plancast.StatusWithdrawn:
		flags |= valWithdrawn
	case plancast.StatusPreliminary:
		flags |= valPreliminary
	case plancast.StatusEstimate:
		flags |= valEstimate
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

// decodeVal sets o's value, published date, status and stated growth from
// a vals entry; false when b is no entry encodeVal writes.
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
	switch {
	case flags&valWithdrawn != 0:
		o.Status = plancast.StatusWithdrawn
	case flags&valPreliminary != 0:
		o.Status = plancast.StatusPreliminary
	case flags&valEstimate != 0:
		o.Status = plancast.StatusEstimate
	default:
		o.Status = plancast.StatusFinal
	}
	if flags&valGrowth != 0 {
		g := math.Float64frombits(binary.BigEndian.Uint64(b[valLen+1 : valLen+9]))
		o.Growth, o.GrowthBaseYear = &g, int(binary.BigEndian.Uint16(b[valLen+9:valGrowthLen]))
	}
	return true
}

// vintageAt decodes the vals entry (k, v) of series sk, whose key prefix is
// prefix: the year and recorded time from the key (prefix, year(2),
// recorded(8)), the rest from the entry; false for anything else.
func vintageAt(sk plancast.SeriesKey, prefix, k, v []byte) (plancast.Observation, bool) {
	if len(k) != len(prefix)+10 {
		return plancast.Observation{}, false
	}
	tail := len(prefix)
	o := plancast.Observation{Region: sk.Region, Indicator: sk.Indicator, Period: sk.Period,
		Year:     int(binary.BigEndian.Uint16(k[tail : tail+2])),
		Recorded: time.Unix(0, int64(binary.BigEndian.Uint64(k[tail+2:]))).UTC()}
	return o, decodeVal(v, &o)
}

// openVals makes sure the vals bucket mirrors obs as Open finds the store:
// it builds vals2 from obs when there is none (a new store, or one from
// before statuses were kept) or when an older plancast has written figures
// since (it left a "vals" bucket: see bucketVals), and removes "vals".
func openVals(tx *bbolt.Tx, rebuilding func(vintages int)) error {
	if valsCurrent(tx) {
		return nil
	}
	if n := tx.Bucket(bucketObs).Stats().KeyN; n > 0 && rebuilding != nil {
		rebuilding(n)
	}
	if tx.Bucket(bucketVals) != nil {
		if err := tx.DeleteBucket(bucketVals); err != nil {
			return err
		}
	}
	if _, err := tx.CreateBucket(bucketVals); err != nil {
		return err
	}
	if err := buildVals(tx); err != nil {
		return err
	}
	if tx.Bucket(bucketValsOld) != nil {
		return tx.DeleteBucket(bucketValsOld)
	}
	return nil
}

// valsCurrent reports whether the vals bucket mirrors obs already: there is
// a vals2 bucket and no "vals" one (openVals rebuilds it otherwise).
func valsCurrent(tx *bbolt.Tx) bool {
	return tx.Bucket(bucketVals) != nil && tx.Bucket(bucketValsOld) == nil
}

// buildVals fills the vals bucket from obs.
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

// VintagesOf is every stored vintage of each of the given series, by year,
// oldest vintage first, read from the vals bucket in one transaction: one
// seek per series and no JSON (sources are left out, as
// plancast.VintageSetReader allows). A push of 100,000 dated figures read
// its series' vintages for the restatement check (ingest/restated.go) in
// 1.4 s a Vintages call at a time, decoding each vintage's JSON.
func (s *Store) VintagesOf(ctx context.Context, keys []plancast.SeriesKey) (map[plancast.SeriesKey][]plancast.Observation, error) {
	out := make(map[plancast.SeriesKey][]plancast.Observation, len(keys))
	err := s.view(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketVals).Cursor()
		for _, sk := range keys {
			if err := ctx.Err(); err != nil {
				return err
			}
			if sk.Period == "" {
				sk.Period = plancast.PeriodYear
			}
			if _, done := out[sk]; done {
				continue
			}
			var vs []plancast.Observation
			prefix := seriesPrefix(sk)
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				if o, ok := vintageAt(sk, prefix, k, v); ok {
					vs = append(vs, o)
				}
			}
			if len(vs) > 0 {
				out[sk], _ = plancast.VintagesInOrder(sk, vs)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// latestVintage returns the newest vintage of figure k from the vals bucket
// b (without its source: a write compares it with plancast.SameFigure).
func latestVintage(b *bbolt.Bucket, k plancast.FigureKey) (plancast.Observation, bool) {
	sk := k.SeriesKey
	prefix := seriesPrefix(sk)
	figure := append(prefix[:len(prefix):len(prefix)], yearBytes(k.Year)...) // figurePrefix(k), the series' prefix built once
	var best plancast.Observation
	found := false
	c := b.Cursor()
	for key, v := c.Seek(figure); key != nil && bytes.HasPrefix(key, figure); key, v = c.Next() {
		o, ok := vintageAt(sk, prefix, key, v)
		if ok && (!found || plancast.NewerVintage(&o, &best)) {
			best, found = o, true
		}
	}
	return best, found
}

// SeriesValuesOf is the latest vintage of every year of exactly the given
// series (those with observations), sorted by region, indicator and period,
// from the vals bucket (value, published date, status and stated growth
// only): one seek per series.
func (s *Store) SeriesValuesOf(ctx context.Context, keys []plancast.SeriesKey) ([]plancast.Series, error) {
	return s.valuesBetween(keys, 0, math.MaxUint16)
}

// SeriesValuesBetween is SeriesValuesOf for the years from to to: each
// series is sought at its year from.
func (s *Store) SeriesValuesBetween(ctx context.Context, keys []plancast.SeriesKey, from, to int) ([]plancast.Series, error) {
	return s.valuesBetween(keys, from, to)
}

// FiguresBetween is SeriesValuesBetween, whose vals entries hold the
// status (plancast.ReadFiguresBetween).
func (s *Store) FiguresBetween(ctx context.Context, keys []plancast.SeriesKey, from, to int) ([]plancast.Series, error) {
	return s.valuesBetween(keys, from, to)
}

// valuesBetween reads the latest vintage of the years from to to of each
// series of keys from the vals bucket, whose keys sort by series, year
// (two bytes) and recorded time; a series with a figure of several
// vintages gets the growths stated with them (plancast.Series.Stated).
func (s *Store) valuesBetween(keys []plancast.SeriesKey, from, to int) ([]plancast.Series, error) {
	from, to = max(from, 0), min(to, math.MaxUint16)
	if from > to {
		return nil, nil
	}
	var out []plancast.Series
	var vintages []plancast.Observation // of one series, for the growths stated with them
	err := s.view(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketVals).Cursor()
		for _, sk := range plancast.SortedSeriesKeys(keys) {
			series := plancast.Series{Region: sk.Region, Indicator: sk.Indicator, Period: sk.Period}
			prefix := seriesPrefix(sk)
			start := append(prefix[:len(prefix):len(prefix)], yearBytes(from)...)
			vintages = vintages[:0]
			for k, v := c.Seek(start); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				o, ok := vintageAt(sk, prefix, k, v)
				if !ok {
					continue
				}
				if o.Year > to {
					break
				}
				vintages = append(vintages, o)
				series.AppendLatest(o) // keys sort by year, then recorded
			}
			if len(vintages) > len(series.Observations) { // a figure of several vintages
				series.Stated = plancast.StatedGrowthsOf(vintages, plancast.Date{})
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
