/**
 * The secretariat's forms of a session's items: agenda items, rooms, side-event time slots and
 * other dated deadlines. Each posts to the same routes as the API and shows what was typed, with a
 * translated error next to each field.
 */
import { ChoiceGroup, filledFields, optionsOf, TextField } from "../../platform/ui/forms.js";
import { usePage } from "../../platform/ui/page-context.js";
import { DayAndTimesFields, FormFrame, type FormProps, LocalizedFields } from "./sessions.forms.js";
import { equipmentCodes } from "./sessions.tables.js";

export function AgendaItemForm(props: FormProps) {
  const { t } = usePage();
  const { values, errors } = props;
  const { field } = filledFields(values, errors);
  return (
    <FormFrame {...props}>
      <TextField
        {...field("number")}
        label={t("sessions.field.agendaNumber")}
        hint={t("sessions.field.agendaNumber.hint")}
        required
      />
      <LocalizedFields
        name="title"
        legend={t("sessions.field.agendaTitle")}
        values={values}
        errors={errors}
        maxLength={500}
      />
      <TextField
        {...field("position")}
        type="number"
        label={t("sessions.field.position")}
        hint={t("sessions.field.position.hint")}
      />
    </FormFrame>
  );
}

export function RoomForm(props: FormProps) {
  const { t } = usePage();
  const { field, choices } = filledFields(props.values, props.errors);
  return (
    <FormFrame {...props}>
      <TextField {...field("name")} label={t("sessions.field.roomName")} required />
      <TextField {...field("capacity")} type="number" label={t("sessions.field.capacity")} required />
      <ChoiceGroup
        {...choices("equipment")}
        label={t("sessions.field.equipment")}
        options={optionsOf(equipmentCodes, (code) => t(`sessions.equipment.${code}`))}
      />
    </FormFrame>
  );
}

export function TimeSlotForm(props: FormProps & { timeZone: string }) {
  return (
    <FormFrame {...props}>
      <DayAndTimesFields values={props.values} errors={props.errors} timeZone={props.timeZone} />
    </FormFrame>
  );
}

export function DeadlineForm(props: FormProps & { timeZone: string }) {
  const { t } = usePage();
  const { values, errors } = props;
  return (
    <FormFrame {...props}>
      <LocalizedFields
        name="label"
        legend={t("sessions.field.deadlineLabel")}
        values={values}
        errors={errors}
        maxLength={200}
      />
      <TextField
        {...filledFields(values, errors).field("dueAt")}
        type="datetime-local"
        label={t("sessions.field.dueAt")}
        hint={t("sessions.field.clock.hint", { zone: props.timeZone })}
        required
      />
    </FormFrame>
  );
}
