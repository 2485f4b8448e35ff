package api_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// rawPost sends a request's head and the given body bytes on a TCP
// connection of its own, half-closes it (the client is gone, as when a
// clerk's connection drops), and reads the answer.
func rawPost(t *testing.T, s *server, path, tok, headers string, body []byte) (int, api.ErrorResponse) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(20 * time.Second))
	head := fmt.Sprintf("POST %s HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n%s\r\n", path, tok, headers)
	if _, err := conn.Write(append([]byte(head), body...)); err != nil {
		t.Fatal(err)
	}
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("POST %s: no answer: %v", path, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var e api.ErrorResponse
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatalf("POST %s: %d %s: %v", path, resp.StatusCode, data, err)
	}
	return resp.StatusCode, e
}

// An upload whose connection drops before the body it announced has come,
// by its Content-Length or before a chunked body's last chunk, is refused
// whole with 400 invalid saying so, and nothing of it is written: before, a
// CSV cut after "48" of "48.7" was answered 200 with 48 stored and its
// second row lost, and a chunked one 500 internal.
func TestAnUploadCutShortIsRefusedWholeAndWritesNothing(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	full := "region,indicator,year,value,unit\nhouma,retail_sales,2030,48.7,亿元\nhouma,retail_sales,2031,52.5,亿元\n"
	upTo48 := full[:strings.Index(full, "48")+2]
	upToRow3 := full[:strings.Index(full, "houma,retail_sales,2031")]
	whole := `[{"region":"houma","indicator":"retail_sales","observations":[{"year":2030,"value":48.7}]}]`
	chunk := func(size int, data string) string { return fmt.Sprintf("%x\r\n%s", size, data) }
	for _, c := range []struct {
		name, headers, body, want string
	}{
		{"cut2.csv", fmt.Sprintf("Content-Type: text/csv\r\nContent-Length: %d\r\n", len(full)), upTo48,
			fmt.Sprintf("the upload of cut2.csv ended after %d bytes of the %d announced (Content-Length); nothing was written", len(upTo48), len(full))},
		{"cut4.csv", fmt.Sprintf("Content-Type: text/csv\r\nContent-Length: %d\r\n", len(full)), upToRow3,
			fmt.Sprintf("the upload of cut4.csv ended after %d bytes of the %d announced (Content-Length); nothing was written", len(upToRow3), len(full))},
		// Every chunk whole, the last (empty) one never sent.
		{"cut3.csv", "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n", chunk(len(upToRow3), upToRow3) + "\r\n",
			fmt.Sprintf("the upload of cut3.csv ended after %d bytes, before the last chunk of its chunked body; nothing was written", len(upToRow3))},
		// A chunk announcing the whole file, cut after "48".
		{"mid-chunk.csv", "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n", chunk(len(full), upTo48),
			fmt.Sprintf("the upload of mid-chunk.csv ended after %d bytes, before the last chunk of its chunked body; nothing was written", len(upTo48))},
		// A JSON document that is whole in itself, its body not.
		{"cut.json", fmt.Sprintf("Content-Type: application/json\r\nContent-Length: %d\r\n", len(whole)+100), whole,
			fmt.Sprintf("the upload of cut.json ended after %d bytes of the %d announced (Content-Length); nothing was written", len(whole), len(whole)+100)},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := s.get("/api/v1/series/houma/retail_sales").header.Get("X-Data-Version")
			status, e := rawPost(t, s, "/api/v1/observations?filename="+c.name, houma, c.headers, []byte(c.body))
			if status != http.StatusBadRequest || e.Error.Code != plancast.EINVALID || !strings.Contains(e.Error.Message, c.want) {
				t.Errorf("answer %d %+v; want 400 invalid saying %q", status, e.Error, c.want)
			}
			after := s.get("/api/v1/series/houma/retail_sales?from=2030")
			if v := after.header.Get("X-Data-Version"); v != before || after.status != http.StatusNotFound {
				t.Errorf("data version %s before, %s after (series from 2030: %d %s); want nothing written", before, v, after.status, after.body)
			}
		})
	}
}

// A report's text cut short is refused the same way, before it is read
// for candidates, with or without commit.
func TestAReportTextCutShortIsRefused(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	text := "2020年全市地区生产总值完成120.8亿元"
	status, e := rawPost(t, s, "/api/v1/reports/extract?region=houma&commit=true&document=houma2020.txt", houma,
		fmt.Sprintf("Content-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\n", len(text)+100), []byte(text))
	want := fmt.Sprintf("the upload of houma2020.txt ended after %d bytes of the %d announced (Content-Length); nothing was written", len(text), len(text)+100)
	if status != http.StatusBadRequest || e.Error.Code != plancast.EINVALID || !strings.Contains(e.Error.Message, want) {
		t.Errorf("answer %d %+v; want 400 invalid saying %q", status, e.Error, want)
	}
}

// A report's text over the report reader's own limit (4 MiB, under the
// server's 32 MiB) is 413 naming that limit, the one that applied: it used
// to name the server's.
func TestAReportOverItsLimitIsToldTheReportLimit(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	text := strings.Repeat("侯马市地区生产总值完成120.8亿元。\n", 5300000/50)
	msg := s.do("POST", "/api/v1/reports/extract?region=houma", "text/plain; charset=utf-8", "", []byte(text)).wantError(t, http.StatusRequestEntityTooLarge, plancast.EINVALID)
	if !strings.Contains(msg, "limit of 4 MiB") || strings.Contains(msg, "32 MiB") {
		t.Errorf("413: %q; want it to name the report limit, 4 MiB, alone", msg)
	}
	// A body over the server's limit is still told that one.
	big := strings.Repeat("a", 33<<20)
	msg = s.do("POST", "/api/v1/reports/extract?region=houma", "text/plain", "", []byte(big)).wantError(t, http.StatusRequestEntityTooLarge, plancast.EINVALID)
	if !strings.Contains(msg, "limit of 32 MiB") {
		t.Errorf("413 over the server's limit: %q; want it to name 32 MiB", msg)
	}
}
