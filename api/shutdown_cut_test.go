package api_test

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A push still being uploaded when the shutdown's grace (10 s) runs out is
// cut off, and the log line of that request says so: that the shutdown
// cut it off, and that nothing of it was written, which the store
// confirms, and gives no status or size of an answer (none was sent). It
// was logged as a 400, as a client's upload cut short is, its
// answer (sent to no one) giving "read tcp 127.0.0.1:…: use of closed
// network connection" as the cause, which reads like a fault.
func TestAPushCutOffByTheShutdownGraceIsLoggedAsSuch(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	houma := token(t, st, plancast.Token{Region: "houma"})
	var logs logBuffer
	srv := api.New(api.Config{Store: st, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	if r, err := http.Get("http://" + addr + "/healthz"); err != nil {
		t.Fatal(err)
	} else {
		r.Body.Close()
	}

	// A slow client: the headers and the first row of a CSV push, and
	// then nothing more of the body it announced.
	body := "region,indicator,year,value,unit\nhouma,gdp,2024,777.7,亿元\n"
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/observations?filename=slow.csv HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nContent-Type: text/csv\r\nContent-Length: %d\r\n\r\n%s",
		addr, houma, len(body)+100, body)
	time.Sleep(300 * time.Millisecond) // the server reads the body: the request is open

	cancel()
	select {
	case err := <-served:
		if err == nil || !strings.Contains(err.Error(), "ran out with 1 request still open") {
			t.Errorf("Serve returned %v, want the grace running out with 1 request open", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Serve did not return within 20 s of the cancel")
	}

	// The handler, its body read failing, logs after Serve has returned.
	var line string
	for deadline := time.Now().Add(5 * time.Second); line == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		for _, l := range strings.Split(logs.String(), "\n") {
			if strings.Contains(l, "path=/api/v1/observations") {
				line = l
			}
		}
	}
	if line == "" {
		t.Fatalf("no log line of the push:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "use of closed network connection") {
		t.Errorf("the log says the connection was closed, as if by a fault:\n%s", logs.String())
	}
	for _, says := range []string{"level=WARN", `msg="request cut off by the shutdown"`, `answer="none (the connection was closed)"`,
		"the upload of slow.csv was cut off by the server's shutdown after 61 bytes of the 161 announced", "nothing of it was written"} {
		if !strings.Contains(line, says) {
			t.Errorf("the push's log line does not say %q:\n%s", says, line)
		}
	}
	// No answer was sent: the line gives no status or size of one (it
	// said status=503 bytes=275).
	for _, not := range []string{"status=", "bytes="} {
		if strings.Contains(line, not) {
			t.Errorf("the push's log line gives %s of an answer never sent:\n%s", not, line)
		}
	}

	vs, err := st.Vintages(context.Background(), plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range vs {
		if o.Year == 2024 || o.Value == 777.7 {
			t.Errorf("the cut-off push was written: %+v", o)
		}
	}
}
