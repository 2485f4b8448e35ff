// Package benchfile reads and writes the benchmark file formats of
// shared/bench: the long series format "series_id,category,value,timestamp"
// and the forecasts format
// "series_id,method,horizon,timestamp,forecast,lo80,hi80,lo95,hi95".
package benchfile

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/plancast/plancast"
)

// Series is one series of a long-format file, sorted by year.
type Series struct {
	ID       string
	Category string
	Years    []int
	Values   []float64
}

// ReadLongFile reads a long-format file; errors name the file.
func ReadLongFile(path string) ([]Series, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ss, err := ReadLong(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return ss, nil
}

// ReadLong reads the long format. Columns are found by header name (quoted or
// not); rows of one series need not be adjacent. Series come back in order of
// first appearance, each sorted by year. A repeated year or an unparsable
// number is an EINVALID error naming the line.
func ReadLong(r io.Reader) ([]Series, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, plancast.Errorf(plancast.EINVALID, "read header: %v", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	iID, ok1 := col["series_id"]
	iVal, ok2 := col["value"]
	iTS, ok3 := col["timestamp"]
	iCat, hasCat := col["category"]
	if !ok1 || !ok2 || !ok3 {
		return nil, plancast.Errorf(plancast.EINVALID, "header %q needs series_id, value and timestamp", strings.Join(head, ","))
	}
	index := map[string]int{}
	var out []Series
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, plancast.Errorf(plancast.EINVALID, "line %d: %v", line, err)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rec[iVal]), 64)
		if err != nil {
			return nil, plancast.Errorf(plancast.EINVALID, "line %d: value %q is not a number", line, rec[iVal])
		}
		ts := strings.TrimSpace(rec[iTS])
		if len(ts) > 4 { // accept 1975-01-01 style dates as well as years
			ts = ts[:4]
		}
		y, err := strconv.Atoi(ts)
		if err != nil {
			return nil, plancast.Errorf(plancast.EINVALID, "line %d: timestamp %q is not a year", line, rec[iTS])
		}
		id := rec[iID]
		k, seen := index[id]
		if !seen {
			k = len(out)
			index[id] = k
			s := Series{ID: id}
			if hasCat {
				s.Category = rec[iCat]
			}
			out = append(out, s)
		}
		out[k].Years = append(out[k].Years, y)
		out[k].Values = append(out[k].Values, v)
	}
	for i := range out {
		s := &out[i]
		sort.Sort(byYear{s})
		for j := 1; j < len(s.Years); j++ {
			if s.Years[j] == s.Years[j-1] {
				return nil, plancast.Errorf(plancast.EINVALID, "series %s: year %d appears twice", s.ID, s.Years[j])
			}
		}
	}
	return out, nil
}

type byYear struct{ s *Series }

func (b byYear) Len() int           { return len(b.s.Years) }
func (b byYear) Less(i, j int) bool { return b.s.Years[i] < b.s.Years[j] }
func (b byYear) Swap(i, j int) {
	b.s.Years[i], b.s.Years[j] = b.s.Years[j], b.s.Years[i]
	b.s.Values[i], b.s.Values[j] = b.s.Values[j], b.s.Values[i]
}

// ForecastRow is one line of a forecasts file.
type ForecastRow struct {
	SeriesID string
	Method   string
	Horizon  int
	Year     int
	plancast.ProjectionPoint
}

// ForecastHeader is the header line of a forecasts file.
const ForecastHeader = "series_id,method,horizon,timestamp,forecast,lo80,hi80,lo95,hi95\n"

// AppendForecast appends one CSV line for r to buf.
func AppendForecast(buf []byte, r ForecastRow) []byte {
	buf = appendField(buf, r.SeriesID)
	buf = append(buf, ',')
	buf = appendField(buf, r.Method)
	buf = append(buf, ',')
	buf = strconv.AppendInt(buf, int64(r.Horizon), 10)
	buf = append(buf, ',')
	buf = strconv.AppendInt(buf, int64(r.Year), 10)
	for _, v := range []float64{r.Mean, r.Lo80, r.Hi80, r.Lo95, r.Hi95} {
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, v, 'g', 10, 64)
	}
	return append(buf, '\n')
}

func appendField(buf []byte, s string) []byte {
	if strings.ContainsAny(s, ",\"\n\r") {
		return append(buf, `"`+strings.ReplaceAll(s, `"`, `""`)+`"`...)
	}
	return append(buf, s...)
}
