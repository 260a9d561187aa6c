package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandFileTest {
  private final List<String> checked = new ArrayList<>();

  private List<ObjectNode> read(String text) throws Exception {
    return CommandFile.read(new BufferedReader(new StringReader(text)), "f.jsonl", checked::add);
  }

  @Test
  void readsOneCommandALineAndFillsInIdAndParams() throws Exception {
    List<ObjectNode> cmds =
        read(
            "{\"id\":\"a1\",\"operation\":\"items.get\",\"connection\":\"acme\","
                + "\"params\":{\"itemId\":\"131\"},\"deadline\":\"2030-01-01T00:00:00Z\"}\n"
                + "   \n"
                + "{\"operation\":\"inventory.count\",\"connection\":\"acme\"}");

    assertThat(cmds).hasSize(2);
    assertThat(cmds.get(0).path("params").path("itemId").asText()).isEqualTo("131");
    assertThat(cmds.get(0).path("deadline").asText()).as("passed on").startsWith("2030");
    assertThat(cmds.get(1).path("id").asText()).hasSize(36); // a random UUID
    assertThat(cmds.get(1).path("params").isObject()).isTrue();
    assertThat(checked).containsExactly("items.get", "inventory.count");
  }

  @Test
  void errorsNameTheLine() {
    assertThatThrownBy(
            () -> read("{\"operation\":\"x\",\"connection\":\"c\"}\n{\"operation\":\"x\"}"))
        .isInstanceOf(CliException.class)
        .hasMessage("f.jsonl line 2: connection must be a non-empty string");
    assertThatThrownBy(() -> read("{\"operation\":\"x\",\"connection\":\"c\",\"params\":[]}"))
        .hasMessage("f.jsonl line 1: params must be a JSON object");
    assertThatThrownBy(() -> read("{\"operation\":\"x\",\"connection\":\"c\",\"id\":\"a b\"}"))
        .hasMessageStartingWith("f.jsonl line 1: invalid command id:");
    assertThatThrownBy(() -> read("{\"operation\":\"x\",\"connection\":\"c\"} {}"))
        .hasMessageStartingWith("f.jsonl line 1 is not valid JSON");
  }

  @Test
  void idsMustBeUniqueAndTheInputNotEmpty() {
    String line = "{\"id\":\"same\",\"operation\":\"x\",\"connection\":\"c\"}\n";

    assertThatThrownBy(() -> read(line + line))
        .hasMessage("f.jsonl line 2: id 'same' appears twice; ids must be unique");
    assertThatThrownBy(() -> read("\n\n")).hasMessage("no commands in f.jsonl");
  }

  @Test
  void anOperationTheCheckRefusesNamesTheLine() {
    assertThatThrownBy(
            () ->
                CommandFile.read(
                    new BufferedReader(
                        new StringReader("{\"operation\":\"nope\",\"connection\":\"c\"}")),
                    "-",
                    op -> {
                      throw CliException.usage("unknown operation '" + op + "'");
                    }))
        .hasMessage("stdin line 1: unknown operation 'nope'");
  }
}
