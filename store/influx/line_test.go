package influx

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	influxdb2 "github.com/influxdata/influxdb-client-go/v2"
	"github.com/influxdata/influxdb-client-go/v2/api/write"
	lp "github.com/influxdata/line-protocol"

	"github.com/plancast/plancast"
)

// observationPoint is figure o as the point of the store's schema (the
// package doc), built the way the store built it before line.go: the
// reference appendObservation is held to.
func observationPoint(measurement string, o *plancast.Observation) *write.Point {
	tags := map[string]string{
		"region": o.Region, "indicator": o.Indicator, "period": o.Period,
		"vintage": strconv.FormatInt(o.Recorded.UnixNano(), 10),
	}
	if o.Withdrawn() {
		tags[withdrawnTag] = "true"
	}
	fields := map[string]any{
		"value": o.Value, "status": o.Status, "published": o.Published.String(),
		"source_document": o.Source.Document, "source_quote": o.Source.Quote,
	}
	if o.Growth != nil {
		fields[fieldGrowth] = *o.Growth
		if o.GrowthBaseYear != 0 {
			fields[fieldGrowthBase] = int64(o.GrowthBaseYear)
		}
	}
	return influxdb2.NewPoint(measurement, tags, fields, yearTime(o.Year))
}

// clientLine is p as the client's own encoder writes it, set up as the store
// set it up before line.go.
func clientLine(t testing.TB, p *write.Point) string {
	t.Helper()
	var b bytes.Buffer
	enc := lp.NewEncoder(&b)
	enc.SetFieldTypeSupport(lp.UintSupport)
	enc.FailOnFieldErr(true)
	enc.SetPrecision(time.Nanosecond)
	if _, err := enc.Encode(p); err != nil {
		t.Fatalf("client encoder: %v", err)
	}
	return b.String()
}

func ourLine(t testing.TB, p *write.Point) string {
	t.Helper()
	b, err := appendPoint(nil, p)
	if err != nil {
		t.Fatalf("appendPoint: %v", err)
	}
	return string(b)
}

func figure(quote string) plancast.Observation {
	return plancast.Observation{
		Region: "houma", Indicator: "gdp", Year: 2020, Value: 120.8, Status: plancast.StatusFinal,
		Period: plancast.PeriodYear, Published: plancast.NewDate(2021, time.April, 20),
		Source:   plancast.Source{Document: "004_381206a40357bc15.txt", Quote: quote},
		Recorded: time.Unix(1_700_000_000, 123456789),
	}
}

func growth(percent float64) *float64 { return &percent }

// Every kind of figure the store writes is encoded exactly as the point it
// was built as before: same tags, same fields, same order, same escapes.
func TestAppendObservationWritesTheSchemasPoint(t *testing.T) {
	withGrowth := figure("增长6.5%")
	withGrowth.Growth = growth(6.5)
	withBase := figure("年均增长6.3%")
	withBase.Growth, withBase.GrowthBaseYear = growth(6.3), 2015
	withdrawn := figure("")
	withdrawn.Status = plancast.StatusWithdrawn
	negative := figure("a loss")
	negative.Value, negative.Year = -0.000125, 1950
	big := figure("")
	big.Value, big.Year = 1.5e15, 2100
	odd := figure(`comma, space = equals "quote" back\slash`)
	odd.Source.Document = `report "2021", final\`
	odd.Region, odd.Indicator = "a b,c=d", "x=y z"
	cases := map[string]plancast.Observation{
		"plain": figure("地区生产总值120.8亿元"), "growth": withGrowth, "growth over a base year": withBase,
		"withdrawal": withdrawn, "negative and small": negative, "large": big, "characters to escape": odd,
		"empty source": figure(""),
	}
	for name, o := range cases {
		for _, measurement := range []string{"observation", "pc_observation", "my prefix,observation"} {
			got, err := appendObservation(nil, measurement, &o, "1700000000123456789")
			if err != nil {
				t.Fatalf("%s: appendObservation: %v", name, err)
			}
			want := ourLine(t, observationPoint(measurement, &o))
			if string(got) != want {
				t.Errorf("%s, measurement %q:\n got %q\nwant %q", name, measurement, got, want)
			}
		}
	}
}

// Without tabs, line breaks, form feeds or carriage returns in its strings,
// a point is written byte for byte as the client's encoder writes it, so
// series keys and stored values are those of earlier builds.
func TestAppendPointWritesWhatTheClientEncoderWrites(t *testing.T) {
	o := figure(`comma, space = equals "quote" back\slash\`)
	o.Growth, o.GrowthBaseYear = growth(-3.25), 2019
	points := []*write.Point{
		observationPoint("observation", &o),
		influxdb2.NewPoint("target", map[string]string{"region": "houma", "plan": "14th-fyp", "kind": "level", "empty": ""},
			map[string]any{"json": `{"quote":"GDP \"250\" 亿元\\n"}`}, yearTime(2025)),
		influxdb2.NewPoint("change", nil, map[string]any{"n": int64(100_000)}, time.Unix(1_700_000_000, 5)),
		influxdb2.NewPoint("token", map[string]string{"hash": "ab12"}, map[string]any{"json": "{}", "u": uint64(7), "ok": true}, epoch),
	}
	for _, p := range points {
		if got, want := ourLine(t, p), clientLine(t, p); got != want {
			t.Errorf("%s:\n got %q\nwant %q", p.Name(), got, want)
		}
	}
}

// A string field keeps its tabs and line breaks as they are; InfluxDB stores
// them so (the conformance test SourceTextComesBackAsWritten reads them back
// from a real server). Only " and \ are escaped.
func TestAppendPointKeepsControlCharactersInStrings(t *testing.T) {
	p := influxdb2.NewPoint("observation", map[string]string{"region": "houma"},
		map[string]any{"source_quote": "第一行\n第二行\tand \"quoted\" \\ \r\f"}, yearTime(2020))
	want := "observation,region=houma source_quote=\"第一行\n第二行\tand \\\"quoted\\\" \\\\ \r\f\" " +
		strconv.FormatInt(yearTime(2020).UnixNano(), 10) + "\n"
	if got := ourLine(t, p); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestAppendPointRefusesWhatTheLineProtocolCannotCarry(t *testing.T) {
	nan := figure("")
	nan.Value = math.NaN()
	if _, err := appendObservation(nil, "observation", &nan, "1"); err == nil || !strings.Contains(err.Error(), "houma/gdp 2020: value") {
		t.Errorf("NaN value: err = %v, want one naming the figure and its value", err)
	}
	inf := figure("")
	inf.Growth = growth(math.Inf(1))
	if _, err := appendObservation(nil, "observation", &inf, "1"); err == nil || !strings.Contains(err.Error(), "growth") {
		t.Errorf("infinite growth: err = %v, want one naming the growth", err)
	}
	for name, p := range map[string]*write.Point{
		"no fields":    influxdb2.NewPoint("m", nil, nil, epoch),
		"no name":      influxdb2.NewPoint("", nil, map[string]any{"n": int64(1)}, epoch),
		"empty key":    influxdb2.NewPoint("m", nil, map[string]any{"": int64(1)}, epoch),
		"NaN field":    influxdb2.NewPoint("m", nil, map[string]any{"v": math.NaN()}, epoch),
		"trailing \\ ": influxdb2.NewPoint("m", nil, map[string]any{`k\`: int64(1)}, epoch),
	} {
		if _, err := appendPoint(nil, p); err == nil {
			t.Errorf("%s: appendPoint took it", name)
		}
	}
}

// FuzzLineEncoding holds appendObservation to the schema's point through
// appendPoint, and appendPoint to the client's encoder wherever the strings
// hold no control character the two write differently.
func FuzzLineEncoding(f *testing.F) {
	f.Add("houma", "gdp", "004.txt", "GDP 120.8", 2020, 120.8, 6.5, 0, false, false)
	f.Add("a b", "c,d=e", "x\"y\\", "line\nbreak\ttab", 1950, -1e-9, -3.0, 2015, true, true)
	f.Fuzz(func(t *testing.T, region, indicator, document, quote string, year int, value, g float64, base int, hasGrowth, withdrawn bool) {
		if year < 1678 || year > 2261 { // the years a time in unix nanoseconds holds
			t.Skip()
		}
		o := figure(quote)
		o.Region, o.Indicator, o.Source.Document, o.Year, o.Value = region, indicator, document, year, value
		if hasGrowth {
			o.Growth, o.GrowthBaseYear = &g, base
		}
		if withdrawn {
			o.Status = plancast.StatusWithdrawn
		}
		p := observationPoint("observation", &o)
		want, wantErr := appendPoint(nil, p)
		got, err := appendObservation(nil, "observation", &o, strconv.FormatInt(o.Recorded.UnixNano(), 10))
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("appendObservation err %v, appendPoint err %v", err, wantErr)
		}
		if err != nil {
			return
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("appendObservation:\n got %q\nwant %q", got, want)
		}
		if strings.ContainsAny(document+quote, "\t\n\f\r") {
			return
		}
		if client := clientLine(t, p); string(want) != client {
			t.Fatalf("appendPoint:\n got %q\nthe client's encoder %q", want, client)
		}
	})
}

// BenchmarkEncodeObservations: 10,000 figures as line protocol, the way the
// store writes them (appendObservation) and, as the peer, the way it wrote
// them before line.go (a write.Point each, through the client's encoder).
func BenchmarkEncodeObservations(b *testing.B) {
	figures := make([]plancast.Observation, 10_000)
	for i := range figures {
		o := figure("")
		o.Region, o.Indicator, o.Year, o.Value = fmt.Sprintf("county_%03d", i/40), fmt.Sprintf("indicator_%02d", i%40), 2011+i%10, float64(i)*1.25
		o.Source.Document = "observations-0001.csv"
		figures[i] = o
	}
	b.Run("appendObservation", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf = buf[:0]
			for i := range figures {
				var err error
				if buf, err = appendObservation(buf, "observation", &figures[i], "1700000000123456789"); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("client encoder", func(b *testing.B) {
		var buf bytes.Buffer
		enc := lp.NewEncoder(&buf)
		enc.SetFieldTypeSupport(lp.UintSupport)
		enc.FailOnFieldErr(true)
		enc.SetPrecision(time.Nanosecond)
		for b.Loop() {
			buf.Reset()
			for i := range figures {
				if _, err := enc.Encode(observationPoint("observation", &figures[i])); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
