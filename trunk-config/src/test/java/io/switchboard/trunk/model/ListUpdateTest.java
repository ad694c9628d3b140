package io.switchboard.trunk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LiveKit's ListUpdate semantics (livekit/protocol livekit/types.go applyListUpdate). */
class ListUpdateTest {

    static List<String> list(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(" "));
    }

    @ParameterizedTest(name = "{0}: set[{1}] add[{2}] remove[{3}] clear={4} -> [{5}]")
    @CsvSource(delimiter = '|', value = {
            // current              | set         | add         | remove     | clear | result
            "+1 +2                  | +3 +4       | ''          | ''         | false | +3 +4",
            "+1 +2                  | ''          | +3          | ''         | false | +1 +2 +3",
            "+1 +2                  | ''          | +2 +3 +3    | ''         | false | +1 +2 +3",
            "+1 +2 +3               | ''          | ''          | +2         | false | +1 +3",
            "+1 +2 +1               | ''          | ''          | +1         | false | +2 +1",
            "+1 +2                  | ''          | +1          | +1         | false | +2 +1",
            "+1 +2                  | ''          | ''          | +9         | false | +1 +2",
            "+1 +2                  | ''          | ''          | ''         | true  | ''",
            "''                     | ''          | +5          | ''         | false | +5",
    })
    void appliesAsLiveKit(String current, String set, String add, String remove, boolean clear, String result) {
        assertEquals(list(result), new ListUpdate(list(set), list(add), list(remove), clear).apply(list(current)));
    }

    @ParameterizedTest(name = "set[{0}] add[{1}] remove[{2}] clear={3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "''  | ''  | ''  | false | unsupported list update operation",
            "+1  | ''  | ''  | true  | cannot clear and change the list at the same time",
            "''  | +1  | ''  | true  | cannot clear and change the list at the same time",
            "+1  | +2  | ''  | false | cannot set and change the list at the same time",
            "+1  | ''  | +2  | false | cannot set and change the list at the same time",
    })
    void refusesAmbiguousUpdates(String set, String add, String remove, boolean clear, String problem) {
        ListUpdate update = new ListUpdate(list(set), list(add), list(remove), clear);
        assertEquals(problem, update.problem().orElseThrow().split(":")[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> update.apply(List.of("+1")));
        assertEquals(update.problem().orElseThrow(), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void refusesEmptyElements() {
        assertEquals(Optional.of("empty element in the list"), ListUpdate.edit(List.of(""), List.of()).problem());
        assertEquals(Optional.empty(), ListUpdate.clearing().problem());
        assertEquals(List.of("+1"), ListUpdate.setTo(List.of("+1")).apply(null));
    }
}
