package api_test

import (
	"bufio"
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

// A push answered shortly before the shutdown's grace runs out leaves
// nothing open: the shutdown is clean (Serve returns nil) and nothing is
// said to be cut off. Serve returned "the grace period ran out with 0
// requests still open; cut off without an answer … push it again" and serve
// exited 1: the server's Shutdown looks at its connections only every half
// second, and the connection of the push answered in that last half second
// was still taken as busy when the grace ran out.
func TestAPushAnsweredLateInTheGraceShutsDownCleanly(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	houma := token(t, st, plancast.Token{Region: "houma"})
	var logs logBuffer
	const grace = time.Second
	srv := api.New(api.Config{Store: st, Logger: slog.New(slog.NewTextHandler(&logs, nil)), ShutdownGrace: grace})
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

	// A push whose body comes slowly: its first part before the shutdown,
	// its last row 0.7 s into the 1 s grace, between Shutdown's looks at
	// the connections (about 0.51 s and 1.01 s).
	head := "region,indicator,year,value,unit\n"
	last := "houma,gdp,2024,777.7,亿元\n"
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/observations?filename=late.csv HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nContent-Type: text/csv\r\nContent-Length: %d\r\n\r\n%s",
		addr, houma, len(head)+len(last), head)
	time.Sleep(200 * time.Millisecond) // the server reads the body: the request is open
	cancel()
	time.Sleep(700 * time.Millisecond)
	fmt.Fprint(conn, last)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the push got no answer: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("the push: %d, want 200", resp.StatusCode)
	}

	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve returned %v; want nil: every request was answered", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return within 10 s of the cancel")
	}
	if strings.Contains(logs.String(), "cut off") {
		t.Errorf("the log says requests were cut off, though all were answered:\n%s", logs.String())
	}
}
