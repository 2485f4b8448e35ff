package api_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// zipBomb returns an .xlsx-shaped zip whose sheet inflates to size bytes.
func zipBomb(t *testing.T, size int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		w, _ := zw.Create(name)
		io.WriteString(w, `<?xml version="1.0"?><x/>`)
	}
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, `<worksheet><sheetData>`)
	chunk := []byte(strings.Repeat(`<row><c t="s"><v>0</v></c></row>`, 1024))
	for written := 0; written < size; written += len(chunk) {
		w.Write(chunk)
	}
	io.WriteString(w, `</sheetData></worksheet>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// oversizedSheet returns a real workbook with more rows than the server accepts.
func oversizedSheet(t *testing.T, rows int) []byte {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"region", "indicator", "year", "value"})
	for i := 2; i <= rows+1; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		sw.SetRow(cell, []any{"houma", "gdp", 1900 + i%120, i}) // years that have begun
	}
	sw.Flush()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestHostileInputGetsAClear4xxAndTheServerStaysUp sends what an attacker or a
// broken client would; every answer is a 4xx with the error envelope and a
// message that says what is wrong, nothing is written, and the server keeps serving.
func TestHostileInputGetsAClear4xxAndTheServerStaysUp(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{MaxRows: 5000, ReadHeaderTimeout: 300 * time.Millisecond})
	houma := token(t, st, plancast.Token{Region: "houma"})
	const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

	cases := []struct {
		name, method, path, ctype string
		body                      []byte
		status                    int
		says                      string // the message must contain this (case-insensitive)
	}{
		{"malformed JSON", "POST", "/api/v1/observations", "application/json", []byte(`[{"region": "houma", "indicator": "gdp", "year": 2019,`), 400, "json"},
		{"JSON of the wrong shape", "POST", "/api/v1/observations", "application/json", []byte(`{"region": 5}`), 400, ""},
		{"formula where a number belongs", "POST", "/api/v1/observations", "text/csv", []byte("region,indicator,year,value\nhouma,gdp,2019,=cmd|' /C calc'!A0\n"), 400, "number"},
		{"XLSX zip bomb", "POST", "/api/v1/observations", xlsx, zipBomb(t, 200<<20), 400, ""},
		{"not a zip at all", "POST", "/api/v1/observations", xlsx, []byte("PK\x03\x04 this is not a workbook"), 400, "xlsx"},
		{"oversized sheet", "POST", "/api/v1/observations", xlsx, oversizedSheet(t, 6000), 400, "rows"},
		{"invalid UTF-8", "POST", "/api/v1/observations", "text/csv", []byte("region,indicator,year,value\n\xff\xfe\xfd,gdp,2019,1\n"), 400, ""},
		{"path traversal in a pushed region", "POST", "/api/v1/observations", "application/json", []byte(`[{"region":"../../etc/passwd","indicator":"gdp","year":2019,"value":1}]`), 400, "region"},
		{"path traversal in a series path", "GET", "/api/v1/series/..%2F..%2Fetc/gdp", "", nil, 400, "region"},
		{"path traversal in a chart path", "GET", "/charts/..%2f..%2fetc/passwd.png", "", nil, 400, ""},
		{"NUL in a region code", "GET", "/api/v1/series/hou%00ma/gdp", "", nil, 400, "region"},
		{"huge horizon", "GET", "/api/v1/series/houma/gdp/projection?horizon=100000", "", nil, 400, "horizon"},
		{"huge chart", "GET", "/charts/houma/gdp.png?width=50000&height=50000", "", nil, 400, "width"},
		{"year far away", "GET", "/api/v1/series/houma/gdp?from=99999", "", nil, 400, "from"},
		{"report text of the wrong type", "POST", "/api/v1/reports/extract?region=houma", "application/octet-stream", []byte{0, 1, 2}, 415, ""},
		{"invalid UTF-8 report text", "POST", "/api/v1/reports/extract?region=houma", "text/plain", []byte("2020年\xff\xfe地区生产总值120.8亿元"), 200, ""},
	}
	for i, tc := range cases {
		r := s.do(tc.method, tc.path, tc.ctype, houma, tc.body)
		if r.status != tc.status {
			t.Errorf("%d %s: status %d, want %d: %.300s", i, tc.name, r.status, tc.status, r.body)
			continue
		}
		if tc.status >= 400 {
			msg := r.wantError(t, tc.status, map[int]string{400: "invalid", 415: "invalid"}[tc.status])
			if !strings.Contains(strings.ToLower(msg), tc.says) {
				t.Errorf("%d %s: message %q does not mention %q", i, tc.name, msg, tc.says)
			}
			t.Logf("%s → %d: %.160s", tc.name, r.status, msg)
		}
		// The server is still up after each one.
		s.get("/healthz").decode(t, 200, nil)
	}

	// Nothing of it was written.
	var sr api.SeriesResponse
	s.get("/api/v1/series/houma/gdp").decode(t, 200, &sr)
	if len(sr.Observations) != 2 {
		t.Fatalf("hostile pushes wrote figures: %+v", sr.Observations)
	}

	// A slow client that never finishes its headers is cut off.
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\n") // and then nothing
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = io.ReadAll(conn)
	if err != nil || time.Since(start) > 3*time.Second {
		t.Fatalf("slow client not cut off in time: %v after %v", err, time.Since(start))
	}
	s.get("/healthz").decode(t, 200, nil)
}

// TestEveryWriteRouteChecksTheToken tries each write route with no token, a
// token of another region, a read-only token and a forged one.
func TestEveryWriteRouteChecksTheToken(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	zizhou := token(t, st, plancast.Token{Region: "zizhou"})
	reader := token(t, st, plancast.Token{Scope: plancast.ScopeRead})
	routes := []struct{ path, ctype, body string }{
		{"/api/v1/observations", "application/json", `[{"region":"houma","indicator":"gdp","year":2019,"value":118}]`},
		{"/api/v1/observations", "text/csv", "region,indicator,year,value\nhouma,gdp,2019,118\n"},
		{"/api/v1/targets", "application/json", `[{"region":"houma","indicator":"gdp","plan":"2022-annual","kind":"growth","year":2022,"value":8}]`},
		{"/api/v1/reports/extract?region=houma&commit=true", "text/plain", "2019年，全市地区生产总值完成118亿元。"},
	}
	tokens := []struct {
		name, token, code string
		status            int
	}{
		{"no token", "", "unauthorized", 401},
		{"forged token", "pc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "unauthorized", 401},
		{"another region's token", zizhou, "forbidden", 403},
		{"read-only token", reader, "forbidden", 403},
	}
	for _, r := range routes {
		for _, tk := range tokens {
			got := s.do("POST", r.path, r.ctype, tk.token, []byte(r.body))
			if got.status != tk.status {
				t.Errorf("POST %s (%s) with %s: %d, want %d: %s", r.path, r.ctype, tk.name, got.status, tk.status, got.body)
				continue
			}
			got.wantError(t, tk.status, tk.code)
		}
	}
	var sr api.SeriesResponse
	s.get("/api/v1/series/houma/gdp").decode(t, 200, &sr)
	if len(sr.Observations) != 2 {
		t.Fatalf("a refused write landed: %+v", sr.Observations)
	}
}
