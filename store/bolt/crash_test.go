package bolt_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
	"github.com/plancast/plancast/store/storetest"
)

// TestMain runs the crash writer instead of the tests when this binary is the
// child process of TestAcknowledgedWritesSurviveSIGKILL.
func TestMain(m *testing.M) {
	if path := os.Getenv("PLANCAST_CRASH_STORE"); path != "" {
		crashWriter(path)
	}
	os.Exit(m.Run())
}

// crashWriter writes one figure per batch and prints "ack YEAR" after each
// write returned, then waits to be killed.
func crashWriter(path string) {
	st, err := bolt.Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	ctx := context.Background()
	for year := plancast.MinYear; year <= plancast.MaxYear; year++ {
		o := plancast.Observation{Region: "houma", Indicator: "gdp", Year: year, Value: float64(year) / 10, Published: plancast.Today()}
		if _, err := st.WriteObservations(ctx, []plancast.Observation{o}); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		fmt.Println("ack", year)
	}
	select {} // wait to be killed
}

func TestAcknowledgedWritesSurviveSIGKILL(t *testing.T) {
	path := filepath.Join(t.TempDir(), bolt.FileName)
	st, err := bolt.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutRegions(context.Background(), []plancast.Region{storetest.Houma}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutIndicators(context.Background(), []plancast.Indicator{storetest.GDP}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	child := exec.Command(os.Args[0])
	child.Env = append(os.Environ(), "PLANCAST_CRASH_STORE="+path)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	acked := map[int]bool{}
	lines := bufio.NewScanner(out)
	deadline := time.Now().Add(30 * time.Second)
	const killAfter = 40
	for len(acked) < killAfter && time.Now().Before(deadline) && lines.Scan() {
		line := lines.Text()
		if rest, ok := strings.CutPrefix(line, "ack "); ok {
			y, _ := strconv.Atoi(rest)
			acked[y] = true
		} else if strings.HasPrefix(line, "error") {
			t.Fatalf("child: %s", line)
		}
	}
	// Kill right after the last acknowledgement, while the child keeps writing.
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = child.Wait()
	if len(acked) < killAfter {
		t.Fatalf("child acknowledged only %d writes before the deadline", len(acked))
	}

	st, err = bolt.Open(path)
	if err != nil {
		t.Fatalf("reopen after SIGKILL: %v", err)
	}
	defer st.Close()
	s, err := st.Series(context.Background(), plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if err != nil {
		t.Fatalf("read after SIGKILL: %v", err)
	}
	found := map[int]float64{}
	for _, o := range s.Observations {
		found[o.Year] = o.Value
	}
	lost := 0
	for y := range acked {
		if v, ok := found[y]; !ok || v != float64(y)/10 {
			lost++
		}
	}
	t.Logf("acknowledged %d, found %d of them after SIGKILL (%d stored in all)", len(acked), len(acked)-lost, len(found))
	if lost > 0 {
		t.Fatalf("%d acknowledged figures lost", lost)
	}
}
