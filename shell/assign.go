package shell

import (
	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell/value"
)

// compoundOps maps compound assignment operators to their binary operator.
var compoundOps = map[string]string{"+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%"}

// execAssignment runs `target op value`.
func (s *Session) execAssignment(sc *scope, a *parser.Assignment) error {
	rhs, err := s.statementValue(sc, a.Value)
	if err != nil {
		return err
	}
	// The right side is evaluated first, as in pwsh; compound operators then combine it
	// with the target's current value.
	switch a.Op {
	case "=":
	case "??=":
		cur, err := s.eval(sc, a.Target)
		if err != nil {
			return err
		}
		if cur != nil {
			return nil
		}
	default:
		op, ok := compoundOps[a.Op]
		if !ok {
			return s.errorAt(a, "ParserError", "UnexpectedToken", excRuntime, "Unexpected token '"+a.Op+"' in expression or statement.")
		}
		cur, err := s.eval(sc, a.Target)
		if err != nil {
			return err
		}
		// $null + x is x itself (a number, string or array alike).
		if cur != nil || op != "+" {
			rhs, err = value.Binary(op, cur, rhs)
			if err != nil {
				return err
			}
		}
	}
	return s.assignTo(sc, a.Target, rhs)
}

// assignTo stores v into an assignable expression.
func (s *Session) assignTo(sc *scope, target parser.Expression, v value.Value) error {
	switch t := target.(type) {
	case *parser.Variable:
		if t.Scope == "" {
			if x, local := s.cachedVar(sc, t); x != nil && local && x.typ == "" {
				x.val = v
				return nil
			}
		}
		return s.setVar(sc, t.Scope, t.Name, v)
	case *parser.ConvertExpression:
		// `[int]$x = v` converts v and constrains $x: later assignments convert too.
		inner, ok := t.X.(*parser.Variable)
		if !ok {
			return s.notAssignable(target)
		}
		name, ok := value.ResolveType(t.Type.Name)
		if !ok {
			return value.ErrUnknownType(t.Type.Name)
		}
		c, err := value.ConvertEnv(v, name, s.valueEnv())
		if err != nil {
			return err
		}
		dst := sc
		switch inner.Scope {
		case "global":
			dst = sc.global()
		case "script":
			dst = sc.script()
		}
		x := dst.set(inner.Name, c)
		x.typ = name
		return nil
	case *parser.MemberExpression:
		// Objects only accept existing properties; hashtables take new keys.
		obj, err := s.eval(sc, t.X)
		if err != nil {
			return err
		}
		name, err := s.memberName(sc, t.Member)
		if err != nil {
			return err
		}
		if t.Static {
			return s.notAssignable(target)
		}
		if obj == nil {
			return &ErrorRecord{Message: "The property '" + name + "' cannot be found on this object. Verify that the property exists and can be set.",
				Category: "InvalidOperation", ErrorID: "PropertyNotFound", Exception: excRuntime}
		}
		return value.SetMember(obj, name, v)
	case *parser.IndexExpression:
		obj, err := s.eval(sc, t.X)
		if err != nil {
			return err
		}
		idx, err := s.eval(sc, t.Index)
		if err != nil {
			return err
		}
		return setIndex(obj, idx, v)
	case *parser.ArrayLiteral:
		// `$a, $b = 1, 2, 3`: each target takes one element and the last one takes the
		// rest as an array.
		items := enumerateAll(v)
		for i, el := range t.Elements {
			var x value.Value
			switch {
			case i == len(t.Elements)-1 && len(items) > i+1:
				x = append([]value.Value(nil), items[i:]...)
			case i < len(items):
				x = items[i]
			}
			if err := s.assignTo(sc, el, x); err != nil {
				return err
			}
		}
		return nil
	case *parser.ParenExpression:
		if x, ok := simpleExpression(t.Pipeline); ok {
			return s.assignTo(sc, x, v)
		}
	}
	return s.notAssignable(target)
}

func (s *Session) notAssignable(n parser.Node) error {
	return s.errorAt(n, "ParserError", "InvalidLeftHandSide", excRuntime,
		"The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.")
}
