package cmdlets

import (
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// MailTips and password resets of Set-Mailbox.
//
// Exchange's Set-Mailbox reference (parameter MailTip) documents what a MailTip becomes:
// the text is stored wrapped in HTML tags ("This mailbox is not monitored" becomes
// <html><body>This mailbox is not monitored</body></html>), and it is added to the
// MailTipTranslations property as the default value, "default:<MailTip text>". Changing
// the MailTip updates that default entry and vice versa. The MailTipTranslations
// parameter takes "culture:text" entries (replacing the list, or @{Add=...; Remove=...}),
// and HTML tags are added to each translation as well.

// defaultCulture is the culture of the MailTipTranslations entry that mirrors MailTip.
const defaultCulture = "default"

// htmlMailTip wraps MailTip text in the tags Exchange adds. Text that already carries
// them (a value read back from Get-Mailbox) is kept, so that copying a MailTip from one
// mailbox to another does not wrap it twice.
func htmlMailTip(text string) string {
	if text == "" || strings.HasPrefix(strings.ToLower(strings.TrimSpace(text)), "<html>") {
		return text
	}
	return "<html><body>" + text + "</body></html>"
}

// translationCulture is the culture of a "culture:text" entry ("" when it has no colon).
func translationCulture(entry string) string {
	c, _, ok := strings.Cut(entry, ":")
	if !ok {
		return ""
	}
	return strings.TrimSpace(c)
}

// normalizeTranslation wraps the text of a "culture:text" entry in HTML tags.
func normalizeTranslation(entry string) string {
	c, text, ok := strings.Cut(entry, ":")
	if !ok {
		return entry
	}
	return c + ":" + htmlMailTip(text)
}

// sameCulture reports whether two translation entries are for the same culture.
func sameCulture(a, b string) bool {
	return strings.EqualFold(translationCulture(a), translationCulture(b))
}

// setMailTip applies -MailTip: the HTML-wrapped text, mirrored as the default
// translation. An empty text clears both.
func setMailTip(x *store.Recipient, text string) {
	x.MailTip = htmlMailTip(text)
	var out []string
	if x.MailTip != "" {
		out = append(out, defaultCulture+":"+x.MailTip)
	}
	for _, e := range x.MailTipTranslations {
		if !strings.EqualFold(translationCulture(e), defaultCulture) {
			out = append(out, e)
		}
	}
	x.MailTipTranslations = out
}

// editMailTipTranslations applies -MailTipTranslations. A list replaces the translations
// (the default entry stays unless the list gives a new one); @{Add=...} adds or replaces
// the entry of a culture, @{Remove=...} removes a culture's entry. The default entry,
// when the edit changes it, becomes the MailTip.
func editMailTipTranslations(x *store.Recipient, e mvEdit) {
	norm := func(list []string) []string {
		out := make([]string, len(list))
		for i, s := range list {
			out[i] = normalizeTranslation(s)
		}
		return out
	}
	cur := append([]string(nil), x.MailTipTranslations...)
	var next []string
	switch {
	case e.clear:
		next = nil
	case !e.edit:
		next = dedupe(norm(e.replace), sameCulture)
		if !containsBy(next, defaultCulture+":", sameCulture) {
			for _, c := range cur {
				if strings.EqualFold(translationCulture(c), defaultCulture) {
					next = append([]string{c}, next...)
				}
			}
		}
	default:
		next = cur
		for _, a := range norm(e.add) {
			replaced := false
			for i, c := range next {
				if sameCulture(c, a) {
					next[i], replaced = a, true
				}
			}
			if !replaced {
				next = append(next, a)
			}
		}
		kept := next[:0]
		for _, c := range next {
			if !containsBy(e.remove, c, sameCulture) {
				kept = append(kept, c)
			}
		}
		next = kept
	}
	if len(next) == 0 {
		next = nil
	}
	x.MailTipTranslations = next
	x.MailTip = ""
	for _, c := range next {
		if strings.EqualFold(translationCulture(c), defaultCulture) {
			_, x.MailTip, _ = strings.Cut(c, ":")
		}
	}
}

// secureStringBinder binds a SecureString parameter (-Password). As in pwsh, a plain
// string is refused ("Cannot convert the "x" value of type "System.String" to type
// "System.Security.SecureString"."): scripts pass ConvertTo-SecureString or Read-Host
// -AsSecureString output.
func secureStringBinder(dst *value.Value) shell.Binder {
	return shell.Custom("SecureString", func(v value.Value) error {
		if list := items(v); len(list) == 1 {
			v = list[0]
		}
		if v == nil {
			*dst = nil
			return nil
		}
		x, err := value.Convert(v, value.TSecure)
		if err != nil {
			return err
		}
		*dst = x
		return nil
	})
}
