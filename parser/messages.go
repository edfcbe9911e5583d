package parser

import (
	"fmt"
	"strings"
)

// message is one entry of pwsh's ParserStrings: the ParseError id and its text, with %s
// where pwsh inserts a token or keyword.
type message struct {
	id   string
	text string
}

// The messages the parser reports, with pwsh's own wording (ParserStrings). Two have no
// pwsh counterpart: msgEscapeAtEnd (pwsh's REPL simply waits for the continued line) and
// msgMissingStatementAfter (a defensive fallback that the grammar cannot reach).
var (
	msgUnexpectedToken         = message{"UnexpectedToken", "Unexpected token '%s' in expression or statement."}
	msgRedirectionNotSupported = message{"RedirectionNotSupported", "The '<' operator is reserved for future use."}
	msgExpressionsFirst        = message{"ExpressionsMustBeFirstInPipeline", "Expressions are only allowed as the first element of a pipeline."}
	msgMissingEndCurly         = message{"MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition."}
	msgMissingEndParen         = message{"MissingEndParenthesisInExpression", "Missing closing ')' in expression."}
	msgExpectedExpression      = message{"ExpectedExpression", "An expression was expected after '('."}
	msgMissingForeachBody      = message{"MissingForeachStatement", "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}"}
	msgMissingForeachClose     = message{"MissingEndParenthesisAfterForeach", "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}"}
	msgMissingSwitchValue      = message{"MissingSwitchValueExpression", "Missing expression after '(' in switch statement."}
	msgMissingSwitchClose      = message{"MissingEndParenthesisInSwitchStatement", "Missing ')' after expression in switch statement."}
	msgEmptyChainElement       = message{"EmptyPipelineChainElement", "A pipeline chain operator must be followed by a pipeline."}
	msgMissingInvocationTarget = message{"MissingExpression", "Missing expression after '%s' in pipeline element."}
	msgMissingEndParenSubexpr  = message{"MissingEndParenthesisInSubexpression", "Missing closing ')' in subexpression."}
	msgMissingEndParenMethod   = message{"MissingEndParenthesisInMethodCall", "Missing ')' in method call."}
	msgMissingEndBracketIndex  = message{"MissingEndSquareBracket", "Missing ']' after array index expression."}
	msgMissingArrayIndex       = message{"MissingArrayIndexExpression", "Array index expression is missing or not valid."}
	msgStringTerminator        = message{"TerminatorExpectedAtEndOfString", "The string is missing the terminator: %s."}
	msgHereHeader              = message{"UnexpectedCharactersAfterHereStringHeader", "No characters are allowed after a here-string header but before the end of the line."}
	msgCommentTerminator       = message{"MissingTerminatorMultiLineComment", "The terminator '#>' is missing from the multiline comment."}
	msgInvalidVarDrive         = message{"InvalidVariableReferenceWithDrive", "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name."}
	msgIncompleteVar           = message{"IncompleteDollarVariableReference", "${variable} reference starting is missing the closing '}'."}
	msgEscapeAtEnd             = message{"IncompleteEscapeSequence", "Missing character after the escape character '`'."}
	msgMissingUnaryOperand     = message{"MissingExpressionAfterOperator", "Missing expression after unary operator '%s'."}
	msgMissingBinaryOperand    = message{"ExpectedValueExpression", "You must provide a value expression following the '%s' operator."}
	msgMissingAfterComma       = message{"MissingExpressionAfterToken", "Missing expression after '%s'."}
	msgMissingArgument         = message{"MissingArgument", "Missing argument in parameter list."}
	msgParameterNeedsArgument  = message{"ParameterRequiresArgument", "Parameter %s requires an argument."}
	msgMissingFileSpec         = message{"MissingFileSpecification", "Missing file specification after redirection operator."}
	msgMissingAssignValue      = message{"ExpectedValueExpression", "You must provide a value expression following the '%s' operator."}
	msgInvalidLeftHandSide     = message{"InvalidLeftHandSide", "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property."}
	msgMissingPipelineElement  = message{"EmptyPipeElement", "An empty pipe element is not allowed."}
	msgMissingStatementAfter   = message{"MissingStatementAfterToken", "Missing statement after '%s'."}
	msgMissingPropertyName     = message{"MissingPropertyName", "Missing property name after reference operator."}
	msgMissingTypeClose        = message{"EndSquareBracketExpectedAtEndOfAttribute", "Missing ] at end of attribute or type literal."}
	msgMissingTypeName         = message{"MissingTypename", "Missing type name after '['."}
	msgMissingEqualsInHash     = message{"MissingEqualsInHashLiteral", "Missing '=' operator after key in hash literal."}
	msgMissingHashKey          = message{"MissingKeyInHashLiteral", "Missing key before '=' in hash literal."}
	msgMissingHashValue        = message{"MissingStatementInHashLiteral", "Missing statement after '=' in hash literal."}
	msgMissingEndCurlyHash     = message{"MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition."}
	msgMissingOpenParen        = message{"MissingOpenParenthesisInIfStatement", "Missing '(' after '%s' in if statement."}
	msgIfMissingCondition      = message{"IfStatementMissingCondition", "Missing condition in if statement after '%s ('."}
	msgMissingEndParenAfter    = message{"MissingEndParenthesisAfterStatement", "Missing closing ')' after expression in '%s' statement."}
	msgMissingIfBlock          = message{"MissingStatementBlock", "Missing statement block after %s ( condition )."}
	msgMissingElseBlock        = message{"MissingStatementBlockAfterElse", "Missing statement block after 'else' keyword."}
	msgMissingOpenParenLoop    = message{"MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword '%s'."}
	msgMissingForeachVariable  = message{"MissingVariableNameAfterForeach", "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}"}
	msgMissingForeachIn        = message{"MissingInInForeach", "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}"}
	msgMissingForeachPipeline  = message{"MissingForeachExpression", "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}"}
	msgMissingLoopBody         = message{"MissingLoopStatement", "Missing statement body in %s loop."}
	msgMissingLoopCondition    = message{"MissingExpressionAfterKeyword", "Missing expression after '%s' in loop."}
	msgMissingWhileOrUntil     = message{"MissingWhileOrUntilInDoWhile", "Missing while or until keyword in do loop."}
	msgMissingSwitchCondition  = message{"MissingSwitchConditionExpression", "Missing condition in switch statement clause."}
	msgMissingSwitchBody       = message{"MissingCurlyBraceInSwitchStatement", "Missing '{' in switch statement."}
	msgMissingSwitchClauseBody = message{"MissingSwitchStatementClause", "Missing statement block in switch statement clause."}
	msgInvalidSwitchFlag       = message{"InvalidSwitchFlag", "The parameter %s is not valid for the switch statement."}
	msgMissingFunctionName     = message{"MissingNameAfterKeyword", "Missing name after %s keyword."}
	msgMissingFunctionBody     = message{"MissingFunctionBody", "Missing function body in function declaration."}
	msgMissingParamClose       = message{"MissingEndParenthesisInFunctionParameterList", "Missing ')' in function parameter list."}
	msgMissingParamVariable    = message{"InvalidFunctionParameter", "Parameter declarations are a comma-separated list of variable names with optional initializer expressions."}
	msgMissingTryBlock         = message{"MissingTryStatementBlock", "The Try statement is missing its statement block."}
	msgMissingCatchOrFinally   = message{"MissingCatchOrFinally", "The Try statement is missing its Catch or Finally block."}
	msgMissingCatchBlock       = message{"MissingCatchHandlerBlock", "The Catch block is missing its statement block."}
	msgMissingFinallyBlock     = message{"MissingFinallyStatementBlock", "The Finally block is missing its statement block."}
	msgMissingAttrArgument     = message{"MissingExpressionInNamedArgument", "Missing statement after '=' in named argument."}
	msgUnexpectedAttribute     = message{"UnexpectedAttribute", "Unexpected attribute '%s'."}
	msgMissingNamedBlock       = message{"MissingNamedStatementBlock", "Missing statement block after '%s'."}
	msgMissingTernaryColon     = message{"MissingColonInTernaryExpression", "Missing ':' in the ternary expression."}
	msgMissingTernaryBranch    = message{"ExpectedValueExpression", "You must provide a value expression following the '%s' operator."}
	msgUnsupported             = message{"ReservedKeywordNotAllowed", "The '%s' keyword is not supported in this version of the language."}
	msgNestingTooDeep          = message{"ScriptTooComplicated", "Processing was stopped because the script is too complex."}
	msgMissingCatchType        = message{"MissingTypeLiteralToken", "Missing type literal."}
)

// format renders the text with its arguments.
func (m message) format(args ...any) string {
	if len(args) == 0 || !strings.Contains(m.text, "%") {
		return m.text
	}
	return fmt.Sprintf(m.text, args...)
}
