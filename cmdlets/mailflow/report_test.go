package mailflow_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/cmdlets/mailflow"
	"github.com/exosh/exosh/store"
)

func TestReportLimitsAndCSV(t *testing.T) {
	st := demoTenant(t)
	ctx := context.Background()
	if _, err := mailflow.Traffic(ctx, st, mailflow.TrafficOptions{End: testNow, Days: 2, PerDay: 400, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	q := mailflow.ReportQuery{Start: testNow.Add(-3 * 24 * time.Hour), End: testNow, Senders: []string{"*@contoso.com"}}
	for _, tt := range []struct {
		typ     string
		atLeast int
		atMost  int
	}{{"MessageTraceDetail", 1000, 1000}, {"MessageTrace", 300, 100000}, {"SPAM", 0, 100000}} {
		q.ReportType = tt.typ
		var got []store.SearchRow
		n, err := mailflow.BuildReport(ctx, st, q, func(rs []store.SearchRow) error {
			got = append(got, rs...)
			return nil
		})
		if err != nil || n != len(got) || n < tt.atLeast || n > tt.atMost {
			t.Errorf("%s: %d rows (%d emitted), %v", tt.typ, n, len(got), err)
		}
		cols := mailflow.ReportColumns(tt.typ)
		for _, r := range got {
			if len(r) != len(cols) {
				t.Fatalf("%s: row of %d fields, %d columns", tt.typ, len(r), len(cols))
			}
		}
		var buf bytes.Buffer
		pages := [][]store.SearchRow{got}
		err = mailflow.WriteCSV(&buf, cols, func() ([]store.SearchRow, bool, error) {
			p := pages[0]
			pages = pages[1:]
			return p, len(pages) > 0, nil
		})
		recs, cerr := csv.NewReader(&buf).ReadAll()
		if err != nil || cerr != nil || len(recs) != n+1 || strings.Join(recs[0], ",") != strings.Join(cols, ",") {
			t.Errorf("%s: CSV of %d records: %v %v", tt.typ, len(recs), err, cerr)
		}
	}
}
