"""A small safe evaluator for row formulas in rule files.

Grammar: numbers, variable names (column roles), + - * /, unary minus and
parentheses; the function abs(). Parsed with `ast` and walked node by node;
anything else (attribute access, other calls, powers, subscripts, comprehensions)
is rejected when the rule file is loaded. Values are Intervals, so the tolerance
of printed inputs travels through the formula. Never `eval`.
"""
from __future__ import annotations

import ast
import math
from decimal import Decimal
from typing import Callable

from lkjip_lint.engine.tolerance import Interval

_MAX_LENGTH = 300
Env = dict[str, Interval]


class ExpressionError(ValueError):
    pass


class Formula:
    def __init__(self, source: str) -> None:
        if len(source) > _MAX_LENGTH:
            raise ExpressionError("expression too long")
        try:
            tree = ast.parse(source, mode="eval")
        except SyntaxError as exc:
            raise ExpressionError(f"syntax error: {exc.msg}") from None
        self.source = source
        self.names: dict[str, None] = {}  # in order of appearance (messages list inputs that way)
        self._fn = self._compile(tree.body)

    def __call__(self, env: Env) -> Interval:
        return self._fn(env)

    def _compile(self, node: ast.AST) -> Callable[[Env], Interval]:
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            if not math.isfinite(node.value):
                raise ExpressionError(f"not a finite number: {node.value}")
            value = Interval.exact(Decimal(str(node.value)))
            return lambda env: value
        if isinstance(node, ast.Name):
            name = node.id
            self.names.setdefault(name)
            return lambda env: env[name]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            inner = self._compile(node.operand)
            if isinstance(node.op, ast.USub):
                return lambda env: -inner(env)
            return inner
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
            left, right = self._compile(node.left), self._compile(node.right)
            op = node.op
            if isinstance(op, ast.Add):
                return lambda env: left(env) + right(env)
            if isinstance(op, ast.Sub):
                return lambda env: left(env) - right(env)
            if isinstance(op, ast.Mult):
                return lambda env: left(env) * right(env)
            return lambda env: left(env) / right(env)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "abs"
                and len(node.args) == 1 and not node.keywords):
            inner = self._compile(node.args[0])
            return lambda env: _abs(inner(env))
        raise ExpressionError(f"not allowed in a formula: {type(node).__name__}")


def _abs(value: Interval) -> Interval:
    if value.lo >= 0:
        return value
    if value.hi <= 0:
        return -value
    return Interval(Decimal(0), max(-value.lo, value.hi), abs(value.point))
