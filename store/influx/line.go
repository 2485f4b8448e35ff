package influx

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/influxdata/influxdb-client-go/v2/api/write"

	"github.com/plancast/plancast"
)

// Line protocol, written here rather than by the client's encoder
// (influxdata/line-protocol), for two reasons.
//
// Text comes back as it was written. Inside a quoted string field InfluxDB
// unescapes only \" and \\ and keeps every other byte as it stands, line
// breaks and tabs included. The client's encoder also writes a tab, line
// feed, form feed or carriage return as a two-character escape (\t, \n, \f,
// \r), which the server then keeps as those two characters: a quote cut
// from a report over two lines came back with a backslash and an n where
// its line break was. Here a string field escapes " and \ alone.
//
// Figures are encoded without building a write.Point each. A point is two
// maps, a sort of its tags and one of its fields, and the encoder escapes
// each part through a strings.Replacer: about 6 µs a figure, on the core
// InfluxDB itself needs while a large push is being written
// (appendObservation is measured against it by
// BenchmarkEncodeObservations).
//
// Names and tags are escaped as the client's encoder escapes them, so a
// series written by this code has the same key as one written before it.

// Escapes of measurement names, tag keys and values, and field keys, as
// influxdata/line-protocol writes them.
var (
	nameEscaper = strings.NewReplacer("\t", `\t`, "\n", `\n`, "\f", `\f`, "\r", `\r`, ",", `\,`, " ", `\ `)
	keyEscaper  = strings.NewReplacer("\t", `\t`, "\n", `\n`, "\f", `\f`, "\r", `\r`, ",", `\,`, " ", `\ `, "=", `\=`)
)

// escaped marks the bytes a name (1) or a key (2) escapes.
var escaped = func() (t [256]uint8) {
	for _, c := range []byte("\t\n\f\r ,") {
		t[c] = 1 | 2
	}
	t['='] = 2
	return t
}()

// has reports whether s holds a byte that set escapes (a quick look that
// spares the Replacer, and strings.ContainsAny's per-call set, nearly always).
func has(s string, set uint8) bool {
	for i := 0; i < len(s); i++ {
		if escaped[s[i]]&set != 0 {
			return true
		}
	}
	return false
}

func appendName(b []byte, s string) []byte {
	if has(s, 1) {
		return append(b, nameEscaper.Replace(s)...)
	}
	return append(b, s...)
}

// appendKey appends a tag key or value, or a field key.
func appendKey(b []byte, s string) []byte {
	if has(s, 2) {
		return append(b, keyEscaper.Replace(s)...)
	}
	return append(b, s...)
}

// appendTag appends ",key=value"; a tag with an empty value is left out, as
// the line protocol has no empty tag values.
func appendTag(b []byte, key, value string) []byte {
	if value == "" {
		return b
	}
	b = append(b, ',')
	b = appendKey(b, key)
	b = append(b, '=')
	return appendKey(b, value)
}

// appendString appends a string field value: in double quotes, with " and \
// escaped by a backslash and nothing else changed.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '"' || c == '\\' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', c)
			start = i + 1
		}
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

var errNotFinite = errors.New("a float field is NaN or infinite, which the line protocol cannot carry")

func appendFloat(b []byte, v float64) ([]byte, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return b, errNotFinite
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64), nil
}

// appendTime appends " <unix ns>\n"; a zero time is left out (the server
// then stamps the point), as the client's encoder does.
func appendTime(b []byte, t time.Time) []byte {
	if !t.IsZero() {
		b = append(b, ' ')
		b = strconv.AppendInt(b, t.UnixNano(), 10)
	}
	return append(b, '\n')
}

// appendPoint appends p as one line. Its tags and fields are already sorted
// by key (write.NewPoint sorts them).
func appendPoint(b []byte, p *write.Point) ([]byte, error) {
	if p.Name() == "" {
		return b, errors.New("a point without a measurement name")
	}
	b = appendName(b, p.Name())
	for _, t := range p.TagList() {
		if t.Key != "" {
			b = appendTag(b, t.Key, t.Value)
		}
	}
	fields := p.FieldList()
	if len(fields) == 0 {
		return b, fmt.Errorf("point %s has no fields", p.Name())
	}
	for i, f := range fields {
		if f.Key == "" || strings.HasSuffix(f.Key, `\`) {
			return b, fmt.Errorf("point %s: invalid field key %q", p.Name(), f.Key)
		}
		b = append(b, " ,"[min(i, 1)])
		b = appendKey(b, f.Key)
		b = append(b, '=')
		var err error
		switch v := f.Value.(type) {
		case float64:
			b, err = appendFloat(b, v)
		case int64:
			b = append(strconv.AppendInt(b, v, 10), 'i')
		case uint64:
			b = append(strconv.AppendUint(b, v, 10), 'u')
		case string:
			b = appendString(b, v)
		case bool:
			b = strconv.AppendBool(b, v)
		default:
			err = fmt.Errorf("a field of type %T", v)
		}
		if err != nil {
			return b, fmt.Errorf("point %s field %s: %w", p.Name(), f.Key, err)
		}
	}
	return appendTime(b, p.Time()), nil
}

// appendObservation appends figure o as the line appendPoint writes for the
// point of the store's schema (package doc): the tags and fields in the order
// of their keys. vintage is o.Recorded in unix nanoseconds, formatted once a
// batch.
func appendObservation(b []byte, measurement string, o *plancast.Observation, vintage string) ([]byte, error) {
	b = appendName(b, measurement)
	b = appendTag(b, "indicator", o.Indicator)
	b = appendTag(b, "period", o.Period)
	b = appendTag(b, "region", o.Region)
	b = appendTag(b, "vintage", vintage)
	if o.Withdrawn() {
		// A tag, not only the status field, so that the reads of the value
		// field alone (SeriesValuesOf) see the withdrawal; only withdrawals
		// carry it, so ordinary figures add no series to the index.
		b = appendTag(b, withdrawnTag, "true")
	}
	var err error
	b = append(b, ' ')
	if o.Growth != nil {
		b = append(b, fieldGrowth+"="...)
		if b, err = appendFloat(b, *o.Growth); err != nil {
			return b, fmt.Errorf("figure %s/%s %d: growth: %w", o.Region, o.Indicator, o.Year, err)
		}
		b = append(b, ',')
		if o.GrowthBaseYear != 0 {
			b = append(b, fieldGrowthBase+"="...)
			b = append(strconv.AppendInt(b, int64(o.GrowthBaseYear), 10), 'i', ',')
		}
	}
	b = append(b, "published="...)
	b = append(o.Published.Append(append(b, '"')), '"')
	b = append(b, ",source_document="...)
	b = appendString(b, o.Source.Document)
	b = append(b, ",source_quote="...)
	b = appendString(b, o.Source.Quote)
	b = append(b, ",status="...)
	b = appendString(b, o.Status)
	b = append(b, ",value="...)
	if b, err = appendFloat(b, o.Value); err != nil {
		return b, fmt.Errorf("figure %s/%s %d: value: %w", o.Region, o.Indicator, o.Year, err)
	}
	return appendTime(b, yearTime(o.Year)), nil
}
