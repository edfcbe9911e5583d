package store

import (
	"testing"
	"time"
)

func TestSubjectMatch(t *testing.T) {
	cases := []struct {
		m                SubjectMatch
		pattern, subject string
		want             bool
	}{
		{"", "report", "Quarterly REPORT due", true},
		{SubjectContains, "x", "Quarterly report", false},
		{SubjectStartsWith, "quarterly", "Quarterly report", true},
		{SubjectStartsWith, "report", "Quarterly report", false},
		{SubjectEndsWith, "REPORT", "Quarterly report", true},
		{SubjectEndsWith, "quarterly", "Quarterly report", false},
		{SubjectContains, "", "anything", true},
	}
	for _, c := range cases {
		if got := c.m.Match(c.pattern, c.subject); got != c.want {
			t.Errorf("%q.Match(%q, %q) = %v", c.m, c.pattern, c.subject, got)
		}
	}
}

// Each family keeps records up to and including the instant retention ends.
func TestVisibleEdges(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tick := time.Microsecond
	rows := []struct {
		what    string
		visible func(time.Time) bool
		edge    time.Time // the last instant the record is visible
	}{
		{"trace", (&TraceRow{Received: now}).Visible, now.Add(TraceRetention)},
		{"audit", (&AuditRecord{Expires: now.Add(DefaultAuditLogAgeLimit)}).Visible, now.Add(DefaultAuditLogAgeLimit)},
		{"search", (&SearchJob{SubmitDate: now}).Visible, now.Add(SearchRetention)},
	}
	for _, r := range rows {
		if !r.visible(now) || !r.visible(r.edge) || r.visible(r.edge.Add(tick)) {
			t.Errorf("%s: visible at start %v, at the edge %v, after it %v", r.what, r.visible(now), r.visible(r.edge), r.visible(r.edge.Add(tick)))
		}
	}
}
