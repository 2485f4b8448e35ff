package api

import (
	"testing"
	"time"
)

// SetChartTimeLimit sets the time a chart may take to be read and drawn
// (chartTimeLimit) until the test ends.
func SetChartTimeLimit(t testing.TB, d time.Duration) {
	old := chartTimeLimit.Load()
	chartTimeLimit.Store(int64(d))
	t.Cleanup(func() { chartTimeLimit.Store(old) })
}
