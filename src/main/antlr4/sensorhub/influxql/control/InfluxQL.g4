/*
 * InfluxQL as InfluxDB 1.x reads it, the statements this service answers (docs/influxdb.md, "Queries"): built
 * from influxql's EBNF (github.com/influxdata/influxql, README.md) and its operator precedence (token.go:
 * OR < AND < comparisons < + - | ^ < * / % &). Keywords are case-insensitive; an identifier is bare
 * ([A-Za-z_][A-Za-z0-9_]*) or double-quoted, a string single-quoted, a regular expression /.../ where InfluxQL
 * expects one (after =~ and !~, and in FROM), elsewhere / divides.
 */
grammar InfluxQL;

options { caseInsensitive = true; }

@lexer::members {
    /** The type of the last token on the default channel: whether a '/' opens a regular expression. */
    private int lastType = -1;

    @Override
    public Token emit() {
        Token token = super.emit();
        if (token.getChannel() == Token.DEFAULT_CHANNEL) {
            lastType = token.getType();
        }
        return token;
    }

    private boolean regexAllowed() {
        return lastType == EQ_REGEX || lastType == NEQ_REGEX || lastType == FROM || lastType == COMMA;
    }
}

query : statement (SEMI statement)* SEMI? EOF ;

statement
    : selectStatement                                                                        # select
    | CREATE DATABASE identifier (WITH ~(SEMI)*)?                                            # createDatabase
    | SHOW DATABASES                                                                         # showDatabases
    | SHOW RETENTION POLICIES onClause?                                                      # showRetentionPolicies
    | SHOW MEASUREMENTS onClause? withMeasurement? whereClause? limitClause? offsetClause?   # showMeasurements
    | SHOW TAG KEYS onClause? fromClause? whereClause? limitClause? offsetClause?           # showTagKeys
    | SHOW TAG VALUES onClause? fromClause? WITH KEY tagKeys whereClause? limitClause? offsetClause? # showTagValues
    | SHOW FIELD KEYS onClause? fromClause?                                                  # showFieldKeys
    ;

onClause : ON identifier ;

withMeasurement : WITH MEASUREMENT (EQ identifier | EQ_REGEX REGEX) ;

tagKeys
    : op=(EQ | NEQ) identifier                                    # tagKeyEquals
    | op=(EQ_REGEX | NEQ_REGEX) REGEX                             # tagKeyMatches
    | IN LPAREN identifier (COMMA identifier)* RPAREN             # tagKeyIn
    ;

selectStatement
    : SELECT field (COMMA field)* fromClause whereClause? groupByClause? orderByClause? limitClause? offsetClause?
      slimitClause? soffsetClause? tzClause?
    ;

field : expr (AS identifier)? | MUL ;

fromClause : FROM measurement (COMMA measurement)* ;

measurement
    : REGEX                                                        # measurementRegex
    | (database=identifier? DOT)? (policy=identifier? DOT)? name=identifier  # measurementName
    ;

whereClause : WHERE expr ;

groupByClause : GROUP BY dimension (COMMA dimension)* fillClause? | fillClause ;

dimension : MUL | expr ;

fillClause : FILL LPAREN fillOption RPAREN ;

fillOption : identifier | SUB? (INTEGER | NUMBER) ;

orderByClause : ORDER BY identifier (ASC | DESC)? ;

limitClause : LIMIT INTEGER ;

offsetClause : OFFSET INTEGER ;

slimitClause : SLIMIT INTEGER ;

soffsetClause : SOFFSET INTEGER ;

tzClause : TZ LPAREN STRING RPAREN ;

expr
    : LPAREN expr RPAREN                                           # parenthesized
    | identifier LPAREN (MUL | expr (COMMA expr)*)? RPAREN         # call
    | identifier (DCOLON identifier)?                              # variable
    | STRING                                                       # string
    | SUB? INTEGER                                                 # integer
    | SUB? NUMBER                                                  # number
    | DURATION                                                     # duration
    | (TRUE | FALSE)                                               # boolean
    | REGEX                                                        # regex
    | expr op=(MUL | DIV | MOD | BITAND) expr                      # multiplicative
    | expr op=(ADD | SUB | BITOR | BITXOR) expr                    # additive
    | expr op=(EQ | NEQ | LT | LTE | GT | GTE) expr                # comparison
    | expr op=(EQ_REGEX | NEQ_REGEX) REGEX                         # match
    | expr AND expr                                                # and
    | expr OR expr                                                 # or
    ;

/** Keywords that are also common names of tags, fields and functions, taken as identifiers where one is expected. */
identifier
    : IDENT | QUOTED_IDENT | KEY | KEYS | TAG | FIELD | VALUES | MEASUREMENT | MEASUREMENTS | DATABASES | POLICIES
    | RETENTION | FILL | TZ | DATABASE
    ;

SELECT : 'SELECT' ;
FROM : 'FROM' ;
WHERE : 'WHERE' ;
GROUP : 'GROUP' ;
ORDER : 'ORDER' ;
BY : 'BY' ;
ASC : 'ASC' ;
DESC : 'DESC' ;
LIMIT : 'LIMIT' ;
OFFSET : 'OFFSET' ;
SLIMIT : 'SLIMIT' ;
SOFFSET : 'SOFFSET' ;
AS : 'AS' ;
AND : 'AND' ;
OR : 'OR' ;
SHOW : 'SHOW' ;
CREATE : 'CREATE' ;
DATABASE : 'DATABASE' ;
DATABASES : 'DATABASES' ;
MEASUREMENT : 'MEASUREMENT' ;
MEASUREMENTS : 'MEASUREMENTS' ;
RETENTION : 'RETENTION' ;
POLICIES : 'POLICIES' ;
TAG : 'TAG' ;
FIELD : 'FIELD' ;
KEY : 'KEY' ;
KEYS : 'KEYS' ;
VALUES : 'VALUES' ;
ON : 'ON' ;
WITH : 'WITH' ;
IN : 'IN' ;
FILL : 'FILL' ;
TZ : 'TZ' ;
TRUE : 'TRUE' ;
FALSE : 'FALSE' ;

EQ_REGEX : '=~' ;
NEQ_REGEX : '!~' ;
EQ : '=' ;
NEQ : '!=' | '<>' ;
LTE : '<=' ;
GTE : '>=' ;
LT : '<' ;
GT : '>' ;
ADD : '+' ;
SUB : '-' ;
MUL : '*' ;
REGEX : {regexAllowed()}? '/' ('\\' . | ~[/\\\r\n])* '/' ;
DIV : '/' ;
MOD : '%' ;
BITAND : '&' ;
BITOR : '|' ;
BITXOR : '^' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA : ',' ;
SEMI : ';' ;
DCOLON : '::' ;
DOT : '.' ;

DURATION : ([0-9]+ ('NS' | 'U' | 'µ' | 'MS' | 'S' | 'M' | 'H' | 'D' | 'W'))+ ;
NUMBER : [0-9]+ '.' [0-9]* | '.' [0-9]+ ;
INTEGER : [0-9]+ ;
STRING : '\'' ('\\' . | ~['\\])* '\'' ;
QUOTED_IDENT : '"' ('\\' . | ~["\\])* '"' ;
IDENT : [A-Z_] [A-Z_0-9]* ;

LINE_COMMENT : '--' ~[\r\n]* -> skip ;
WS : [ \t\r\n]+ -> skip ;
