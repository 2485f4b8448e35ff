package spool_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/influx"
	"github.com/plancast/plancast/store/spool"
)

// A dead letter kept Status (and /healthz) "degraded" for good, and nothing
// said how to clear it once its data were pushed again. Now the refusal
// names the dead letter's number and the command that drops it; with the
// server stopped, DeadLetters lists it and DropDeadLetter removes it, and
// the spool reopened counts none.
func TestADeadLetterCanBeListedAndDroppedWithTheServerStopped(t *testing.T) {
	sp, proxy, cfg := behindProxy(t)
	catalog(t, sp)
	steel := plancast.Indicator{Code: "steel_output", Name: "Steel output", NameZh: "钢产量", Unit: "10k_tons", Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	proxy.Down()
	if err := sp.PutIndicators(ctx, []plancast.Indicator{steel}); err != nil {
		t.Fatal(err)
	}
	other := cfg
	other.URL = os.Getenv("PLANCAST_TEST_INFLUX_URL")
	replica, err := influx.Open(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Close()
	inTons := steel
	inTons.Unit = "tons"
	if err := replica.PutIndicators(ctx, []plancast.Indicator{inTons}); err != nil {
		t.Fatal(err)
	}
	proxy.Up()
	waitDrained(t, sp)
	st := sp.Status(ctx)
	if st.Dead != 1 {
		t.Fatalf("dead letters = %d; want the declaration", st.Dead)
	}
	path := sp.Path()
	want := fmt.Sprintf("plancast spool --data-dir %s drop 1", filepath.Dir(path))
	if !strings.Contains(st.Refused, want) {
		t.Errorf("Status.Refused does not say how to drop it (%q): %s", want, st.Refused)
	}
	if _, err := spool.DeadLetters(path); err == nil || !strings.Contains(err.Error(), "stop it first") {
		t.Errorf("DeadLetters with the server running = %v; want it to say the server holds the spool", err)
	}
	sp.Close()

	dead, err := spool.DeadLetters(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].No != 1 || dead[0].Kind != "indicators" || dead[0].Items != 1 || !strings.Contains(dead[0].Refusal, "steel_output") {
		t.Fatalf("DeadLetters = %+v; want the declaration of steel_output, no. 1", dead)
	}
	if err := spool.DropDeadLetter(path, 1); err != nil {
		t.Fatal(err)
	}
	if err := spool.DropDeadLetter(path, 1); plancast.ErrorCode(err) != plancast.ENOTFOUND {
		t.Errorf("dropping it again = %v; want ENOTFOUND", err)
	}
	backend, err := influx.Open(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	reopened, err := spool.Open(backend, path, spool.Options{RetryMin: 50 * time.Millisecond, RetryMax: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if st := reopened.Status(ctx); st.Dead != 0 || st.Refused != "" {
		t.Errorf("after the drop: %+v; want no dead letter", st)
	}
	reopened.Close()
}
