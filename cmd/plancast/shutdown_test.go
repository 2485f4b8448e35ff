package main

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A push still being uploaded when the grace period of a shutdown runs
// out is cut off, and serve says so: how long the grace was, how many
// requests were open, that they got no answer and what became of a push
// among them, and it exits 1. It used to exit with a bare "context
// deadline exceeded". The upload is not written: its body never arrived.
func TestServeSaysWhichRequestsTheShutdownGraceCutOff(t *testing.T) {
	dir := seededDir(t)
	addr := freeAddr(t)
	server := startPlancast(t, "serve", "--data-dir", dir, "--addr", addr)
	waitHTTP(t, "http://"+addr+"/healthz", server)
	token, err := os.ReadFile(filepath.Join(dir, initialAdminFile))
	if err != nil {
		t.Fatal(err)
	}

	// A slow client: the headers and the first row of a CSV push, and then
	// nothing more of the body it announced until the server gives up.
	body := "region,indicator,year,value,unit\nhouma,gdp,2024,777.7,亿元\n"
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/observations?filename=slow.csv HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nContent-Type: text/csv\r\nContent-Length: %d\r\n\r\n%s",
		addr, strings.TrimSpace(string(token)), len(body)+100, body)
	time.Sleep(300 * time.Millisecond) // the server has read the headers: the request is open

	stopped := time.Now()
	if err := server.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-server.exited:
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not stop within 30 s of SIGTERM:\n%s", server.Output())
	}
	if waited := time.Since(stopped); waited < 9*time.Second {
		t.Errorf("serve stopped %s after SIGTERM, before the 10 s grace ran out", waited.Round(time.Millisecond))
	}
	out := server.Output()
	if code := server.cmd.ProcessState.ExitCode(); code != 1 ||
		!strings.Contains(out, "the grace period of 10s ran out with 1 request still open; cut off without an answer") ||
		strings.Contains(out, "context deadline exceeded") {
		t.Errorf("serve exited %d:\n%s\nwant 1, saying that the 10s grace ran out with 1 request open and cut it off", code, out)
	}
	_ = conn.SetReadDeadline(time.Now().Add(2 * time.Second))
	if n, err := conn.Read(make([]byte, 512)); n != 0 || err == nil || strings.Contains(err.Error(), "timeout") {
		t.Errorf("the slow client's connection: read %d bytes, %v; want it closed without an answer", n, err)
	}
	if hist := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp"); strings.Contains(hist, "777.7") {
		t.Errorf("the cut-off push was written:\n%s", hist)
	}
}
