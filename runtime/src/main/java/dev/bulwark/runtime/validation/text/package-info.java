/** Text inputs: Unicode NFC normalization and the refusal of control characters, lone surrogates and noncharacters. */
package dev.bulwark.runtime.validation.text;
